// The recent filings of each agency and language, for finding the family a new
// filing belongs to (see refile-family.ts). In Redis: one sorted set per headline token
// (members the filings' uris, scored by version time), so a lookup is one script
// that counts shared tokens within the window and returns the closest filings;
// and one key per filing with what its score is computed from. Entries older than
// two windows are trimmed on write, and every key expires. A common token (a
// word every headline of a desk has) keeps only its newest filings, so a lookup
// costs at most tokens × perToken entries however busy the agency is. A story that
// holds a retelling (a filing that is not a flash) has a key of its own, and the
// filings a lookup returns say whether their story has one (storyRetold).
import { luaScript, type Redis, redisKeys } from '@wire/redis';
import type { FilingText } from './filing-text.js';
import { type Filing, retells } from './refile-family.js';

export interface FilingQuery {
  agency: string;
  language: string;
  at: number;
  text: FilingText;
  /**
   * How far back from `at` to look, and how far on: the window unless told, at
   * most the two windows the index keeps. A re-send looks two windows back for the
   * item it repeats; any filing two windows on for a re-send of itself, which is
   * there only when filings come out of order (a replay, newest first).
   */
  backMs?: number | undefined;
  onMs?: number | undefined;
}

export interface FilingIndex {
  /** The filings sharing the most tokens with the query within the window, best first. */
  candidates(query: FilingQuery): Promise<Filing[]>;
  record(filing: Filing, agency: string, language: string): Promise<void>;
}

export interface FilingIndexSettings {
  windowMs: number;
  /** How many of the closest filings a lookup returns. */
  limit?: number;
  /** How many of the newest filings each token keeps. */
  perToken?: number;
}

const defaultLimit = 10;
const defaultPerToken = 32;

// A filing is posted under its headline's tokens, and a lookup asks with its
// headline's: two filings of one story share some headline words (the lead only
// counts when the two are scored).
const tokensOf = (text: FilingText) => text.headline;

// KEYS: the token sets; ARGV: from, to (scores), limit, filing key prefix, per token,
// story key prefix. Returns each filing found and whether its story was retold.
// The best `limit` (most shared tokens, then byte order) are kept in order in one
// pass, as a lookup counts a few hundred filings to return 10; a filing's story,
// its last field, is read from the JSON text, and only one written with escapes
// in it is decoded whole. Both together took a lookup on the bench's filings from
// 128 to 116 µs of Redis's time; reading the token sets is 37 of it.
export const candidatesScript = `
local counts = {}
for _, key in ipairs(KEYS) do
  for _, member in ipairs(redis.call('ZREVRANGEBYSCORE', key, ARGV[2], ARGV[1], 'LIMIT', 0, ARGV[5])) do
    counts[member] = (counts[member] or 0) + 1
  end
end
local limit = tonumber(ARGV[3])
local best = {}
for member, count in pairs(counts) do
  local place = #best + 1
  while place > 1 and (count > best[place - 1][2] or (count == best[place - 1][2] and member < best[place - 1][1])) do
    place = place - 1
  end
  if place <= limit then
    table.insert(best, place, { member, count })
    best[limit + 1] = nil
  end
end
local found = {}
for i = 1, #best do
  local filing = redis.call('GET', ARGV[4] .. best[i][1])
  if filing then
    found[#found + 1] = filing
    local story = string.match(filing, ',"story":"([^"\\\\]*)"}$') or cjson.decode(filing).story
    found[#found + 1] = redis.call('EXISTS', ARGV[6] .. story)
  end
end
return found
`;

// KEYS: the token sets, then the filing's key, then its story's; ARGV: at, uri,
// trim below, ttl seconds, filing, per token, whether the filing retells (1 or 0).
const recordScript = `
local filingKey = KEYS[#KEYS - 1]
local keep = tonumber(ARGV[6])
for i = 1, #KEYS - 2 do
  redis.call('ZADD', KEYS[i], ARGV[1], ARGV[2])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', '(' .. ARGV[3])
  redis.call('ZREMRANGEBYRANK', KEYS[i], 0, -keep - 1)
  redis.call('EXPIRE', KEYS[i], ARGV[4])
end
redis.call('SET', filingKey, ARGV[5], 'EX', ARGV[4])
if ARGV[7] == '1' then redis.call('SET', KEYS[#KEYS], '1', 'EX', ARGV[4]) end
return 1
`;

export function createRedisFilingIndex(
  redis: Redis,
  prefix: string,
  settings: FilingIndexSettings,
): FilingIndex {
  const keys = redisKeys(prefix);
  const ttlSeconds = Math.ceil((2 * settings.windowMs) / 1000);
  const findCandidates = luaScript(redis, candidatesScript);
  const recordFiling = luaScript(redis, recordScript);
  return {
    async candidates(query) {
      const tokens = tokensOf(query.text);
      if (tokens.length === 0) return [];
      const { agency, language } = query;
      const found = (await findCandidates(
        tokens.map((t) => keys.filingToken(agency, language, t)),
        [
          query.at - (query.backMs ?? settings.windowMs),
          query.at + (query.onMs ?? settings.windowMs),
          settings.limit ?? defaultLimit,
          keys.filing(agency, language, ''),
          settings.perToken ?? defaultPerToken,
          keys.filingStory(agency, language, ''),
        ],
      )) as (string | number)[];
      const filings: Filing[] = [];
      for (let i = 0; i + 1 < found.length; i += 2) {
        const filing = JSON.parse(found[i] as string) as Filing;
        filings.push(found[i + 1] === 1 ? { ...filing, storyRetold: true } : filing);
      }
      return filings;
    },
    async record(filing, agency, language) {
      const tokens = tokensOf(filing.text);
      if (tokens.length === 0) return;
      await recordFiling(
        [
          ...tokens.map((t) => keys.filingToken(agency, language, t)),
          keys.filing(agency, language, filing.uri),
          keys.filingStory(agency, language, filing.story),
        ],
        [
          filing.at,
          filing.uri,
          filing.at - 2 * settings.windowMs,
          ttlSeconds,
          JSON.stringify({ ...filing, storyRetold: undefined }),
          settings.perToken ?? defaultPerToken,
          retells(filing) ? 1 : 0,
        ],
      );
    },
  };
}

// Redis orders members of equal score, and the script equal counts, by byte order.
const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Recent filings by token, in memory: the memory index, and the filings of one
 * document while it is matched against itself. Each token keeps its newest
 * filings only (by version time, as the Redis index does, whatever order they
 * came in), so a document of 100,000 look-alike items stays linear.
 */
export class RecentFilings {
  /** Each space's filings by token, and the stories that hold a retelling. */
  private readonly spaces = new Map<string, RecentSpace>();

  constructor(private readonly settings: FilingIndexSettings) {}

  add(filing: Filing, space = ''): void {
    let recent = this.spaces.get(space);
    if (!recent) {
      recent = { byToken: new Map(), retold: new Set() };
      this.spaces.set(space, recent);
    }
    if (filing.storyRetold || retells(filing)) recent.retold.add(filing.story);
    const perToken = this.settings.perToken ?? defaultPerToken;
    for (const token of tokensOf(filing.text)) {
      const list = recent.byToken.get(token) ?? [];
      const at = list.findIndex((f) => f.uri === filing.uri);
      if (at >= 0) list.splice(at, 1);
      // Oldest first; a filing older than the token's newest perToken is not kept.
      let place = list.length;
      while (
        place > 0 &&
        ((list[place - 1] as Filing).at > filing.at ||
          ((list[place - 1] as Filing).at === filing.at &&
            byteOrder((list[place - 1] as Filing).uri, filing.uri) > 0))
      )
        place--;
      list.splice(place, 0, filing);
      if (list.length > perToken) list.shift();
      recent.byToken.set(token, list);
    }
  }

  /** The filings within the window sharing the most tokens with `text`, best first. */
  candidates(
    text: FilingText,
    at: number,
    space = '',
    backMs = this.settings.windowMs,
    onMs = this.settings.windowMs,
  ): Filing[] {
    const recent = this.spaces.get(space);
    if (!recent) return [];
    const shared = new Map<Filing, number>();
    for (const token of tokensOf(text)) {
      for (const filing of recent.byToken.get(token) ?? []) {
        if (filing.at >= at - backMs && filing.at <= at + onMs)
          shared.set(filing, (shared.get(filing) ?? 0) + 1);
      }
    }
    return [...shared]
      .sort((a, b) => b[1] - a[1] || byteOrder(a[0].uri, b[0].uri))
      .slice(0, this.settings.limit ?? defaultLimit)
      .map(([filing]) =>
        recent.retold.has(filing.story) ? { ...filing, storyRetold: true } : filing,
      );
  }
}

// A map per space, not one keyed by space and token: no key string built per token.
interface RecentSpace {
  byToken: Map<string, Filing[]>;
  retold: Set<string>;
}

/** The same index in memory, for unit tests and `wire replay --dry-run`. */
export function createMemoryFilingIndex(settings: FilingIndexSettings): FilingIndex {
  const recent = new RecentFilings(settings);
  return {
    async candidates(query) {
      return recent.candidates(
        query.text,
        query.at,
        `${query.agency}|${query.language}`,
        query.backMs,
        query.onMs,
      );
    },
    async record(filing, agency, language) {
      recent.add(filing, `${agency}|${language}`);
    },
  };
}
