// Every Redis key wire writes, in one place beside the topic catalogue: the
// builders the stores use, and for each family its type, owner, lifetime and
// meaning. docs/operations.md's key table is checked against this list, so an
// operator reading Redis finds every key explained there.

export type RedisKeyOwner = 'ingester' | 'normalizer' | 'publisher';

export interface RedisKeyFamily {
  /** The key after the prefix (`WIRE_REDIS_PREFIX`), with `<parts>` that vary. */
  pattern: string;
  type: 'string' | 'hash' | 'sorted set';
  owner: RedisKeyOwner;
  /** How long a key lives, and what renews it. */
  lifetime: string;
  meaning: string;
}

export function redisKeys(prefix: string) {
  // One hash tag per agency and language, so a cluster keeps a re-file lookup's keys
  // on one node (the script reads all of them).
  const filingSpace = (agency: string, language: string) => `${prefix}rf:{${agency}|${language}}:`;
  return {
    feed: (feedId: string) => `${prefix}feed:${feedId}`,
    feedItems: (feedId: string) => `${prefix}feed-items:${feedId}`,
    pages: (feedId: string) => `${prefix}pages:${feedId}`,
    pageDone: (feedId: string, itemKey: string) => `${prefix}page-done:${feedId}:${itemKey}`,
    lease: (feedId: string) => `${prefix}lease:${feedId}`,
    leaseToken: (feedId: string) => `${prefix}lease-token:${feedId}`,
    event: (eventId: string) => `${prefix}event:${eventId}`,
    story: (uri: string) => `${prefix}story:${uri}`,
    alias: (uri: string) => `${prefix}alias:${uri}`,
    link: (feedId: string, articleKey: string) => `${prefix}link:${feedId}:${articleKey}`,
    nearDuplicateBand: (band: string) => `${prefix}ndz:${band}`,
    filingToken: (agency: string, language: string, token: string) =>
      `${filingSpace(agency, language)}t:${token}`,
    filing: (agency: string, language: string, uri: string) =>
      `${filingSpace(agency, language)}f:${uri}`,
    filingStory: (agency: string, language: string, story: string) =>
      `${filingSpace(agency, language)}s:${story}`,
    published: (eventId: string) => `${prefix}published:${eventId}`,
  };
}

export type RedisKeys = ReturnType<typeof redisKeys>;

export const redisKeyCatalogue: readonly RedisKeyFamily[] = [
  {
    pattern: 'feed:<feed>',
    type: 'hash',
    owner: 'ingester',
    lifetime: '30 days, renewed at each poll',
    meaning: "A feed's poll state: validators, schedule, backoff, item ids, counters.",
  },
  {
    pattern: 'feed-items:<feed>',
    type: 'hash',
    owner: 'ingester',
    lifetime: '26 hours, renewed when a document adds items; hours older than 24 deleted',
    meaning: 'New items per UTC hour, for the status page.',
  },
  {
    pattern: 'pages:<feed>',
    type: 'hash',
    owner: 'ingester',
    lifetime: '7 days, renewed when items are queued; an item leaves when its page is settled',
    meaning:
      'Article pages to fetch (full text): per item revision, its id, link, one-item document, attempts and when due.',
  },
  {
    pattern: 'page-done:<feed>:<item revision>',
    type: 'string',
    owner: 'ingester',
    lifetime: '7 days',
    meaning:
      "An item revision whose page was published or refused for good (`published`, or the failure's code).",
  },
  {
    pattern: 'lease:<feed>',
    type: 'string',
    owner: 'ingester',
    lifetime: 'the lease time, renewed at each poll of its holder',
    meaning: 'The instance polling the feed, with its fencing token.',
  },
  {
    pattern: 'lease-token:<feed>',
    type: 'string',
    owner: 'ingester',
    lifetime: 'none: a fencing token must never go back (one small counter per feed)',
    meaning: "The feed's last fencing token.",
  },
  {
    pattern: 'event:<event id>',
    type: 'string',
    owner: 'normalizer',
    lifetime: '`CLAIM_PENDING_TTL_MS` while claimed, then `DEDUPE_TTL_DAYS` once done',
    meaning: 'An item revision being published (`pending:<owner>`) or published (`done`).',
  },
  {
    pattern: 'story:<uri>',
    type: 'hash',
    owner: 'normalizer',
    lifetime: '`DEDUPE_TTL_DAYS`, renewed by each revision',
    meaning:
      "The story ledger: first event, latest rank and version, kill, each event's sequence and first answer.",
  },
  {
    pattern: 'alias:<uri>',
    type: 'string',
    owner: 'normalizer',
    lifetime: '`DEDUPE_TTL_DAYS`',
    meaning: "The story an item's own uri went to the first time (its own, or a family's).",
  },
  {
    pattern: 'link:<feed>:<article link>',
    type: 'string',
    owner: 'normalizer',
    lifetime: '`DEDUPE_TTL_DAYS`',
    meaning: "The uri of the story a feed's link named first (for feeds with unstable guids).",
  },
  {
    pattern: 'ndz:<band>:<bits>',
    type: 'sorted set',
    owner: 'normalizer',
    lifetime:
      'members older than `NEAR_DUPLICATE_WINDOW_HOURS` trimmed at each write; the key expires a window after its last write',
    meaning: "Published stories' text fingerprints by LSH band, scored by publication time.",
  },
  {
    pattern: 'rf:{<agency>|<language>}:t:<token>',
    type: 'sorted set',
    owner: 'normalizer',
    lifetime:
      'members older than two `REFILE_WINDOW_HOURS` trimmed at each write, the newest 32 kept; expires two windows after its last write',
    meaning: 'Recent filings whose headline has the token, scored by version time.',
  },
  {
    pattern: 'rf:{<agency>|<language>}:f:<uri>',
    type: 'string',
    owner: 'normalizer',
    lifetime: 'two `REFILE_WINDOW_HOURS`',
    meaning: "A recent filing's headline and lead tokens, to score a later filing against.",
  },
  {
    pattern: 'rf:{<agency>|<language>}:s:<story>',
    type: 'string',
    owner: 'normalizer',
    lifetime: 'two `REFILE_WINDOW_HOURS` from the last filing of the story that is not a flash',
    meaning:
      "Set once a story holds a retelling of its flash: the flash's words no longer join it.",
  },
  {
    pattern: 'published:<event id>',
    type: 'string',
    owner: 'publisher',
    lifetime: "the publisher's `DEDUPE_TTL_DAYS`",
    meaning:
      'An event sent to the public topics (`sent`), or about to be (`<partition>:<offset>` of its input).',
  },
];
