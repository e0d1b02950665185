// What the normalizer remembers of each story, in Redis with a TTL: which event
// created it, when it was first created and its highest revision so far. `place`
// is one atomic step, so two instances handling two revisions of one story at
// once cannot both call theirs the latest, and it is idempotent per event id, so a
// retried event gets the same answer.
import type { Redis } from '@wire/redis';

export interface RevisionToPlace {
  eventId: string;
  /** Orders revisions: the source's version number, else its version time in ms. */
  rank: number;
  revision: string;
  versionCreated?: string | undefined;
}

export interface RevisionPlacement {
  /** This event is the one that made the story known. */
  createdStory: boolean;
  /** No revision of a higher rank (then revision hash) was placed before. */
  isLatest: boolean;
  firstCreated?: string;
}

export interface StoryLedger {
  place(uri: string, revision: RevisionToPlace): Promise<RevisionPlacement>;
}

// KEYS[1] story hash; ARGV: eventId, rank, revision, versionCreated ('' if none), ttl seconds
const placeScript = `
local key = KEYS[1]
local eventId, rank, revision, created, ttl = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4], tonumber(ARGV[5])
local first = redis.call('HGET', key, 'firstEvent')
if not first then
  redis.call('HSET', key, 'firstEvent', eventId, 'topRank', ARGV[2], 'topRevision', revision)
  if created ~= '' then redis.call('HSET', key, 'firstCreated', created) end
  first = eventId
end
local topRank = tonumber(redis.call('HGET', key, 'topRank'))
local topRevision = redis.call('HGET', key, 'topRevision')
local latest = 0
if rank > topRank or (rank == topRank and revision >= topRevision) then
  latest = 1
  redis.call('HSET', key, 'topRank', ARGV[2], 'topRevision', revision)
end
redis.call('EXPIRE', key, ttl)
local firstCreated = redis.call('HGET', key, 'firstCreated') or ''
return { first == eventId and 1 or 0, latest, firstCreated }
`;

type PlaceReply = [number, number, string];

export function createRedisStoryLedger(
  redis: Redis,
  prefix: string,
  ttlSeconds: number,
): StoryLedger {
  return {
    async place(uri, r) {
      const [created, latest, firstCreated] = (await redis.eval(
        placeScript,
        1,
        `${prefix}story:${uri}`,
        r.eventId,
        String(r.rank),
        r.revision,
        r.versionCreated ?? '',
        String(Math.ceil(ttlSeconds)),
      )) as PlaceReply;
      return {
        createdStory: created === 1,
        isLatest: latest === 1,
        ...(firstCreated && { firstCreated }),
      };
    },
  };
}

/** The same rules in memory, for unit tests; passes the same contract suite. */
export function createMemoryStoryLedger(): StoryLedger {
  const stories = new Map<
    string,
    { firstEvent: string; firstCreated?: string; topRank: number; topRevision: string }
  >();
  return {
    async place(uri, r) {
      let story = stories.get(uri);
      if (!story) {
        story = { firstEvent: r.eventId, topRank: r.rank, topRevision: r.revision };
        if (r.versionCreated) story.firstCreated = r.versionCreated;
        stories.set(uri, story);
      }
      const isLatest =
        r.rank > story.topRank || (r.rank === story.topRank && r.revision >= story.topRevision);
      if (isLatest) Object.assign(story, { topRank: r.rank, topRevision: r.revision });
      return {
        createdStory: story.firstEvent === r.eventId,
        isLatest,
        ...(story.firstCreated && { firstCreated: story.firstCreated }),
      };
    },
  };
}

/**
 * A revision's rank: its version time in ms, with the source's version number
 * (below 1000) as thousandths of a ms to break ties. Time comes first because one
 * story can join revisions from feeds that number them differently (an RSS item
 * and the NewsML-G2 item that re-files it); without a time, the number alone.
 */
export function rankOf(version: string | undefined, versionCreated: string | undefined): number {
  const numeric =
    version !== undefined && /^\d+(?:\.\d+)?$/.test(version) ? Number(version) : Number.NaN;
  const number = Number.isFinite(numeric) ? Math.min(numeric, 999) : 0;
  const time = versionCreated ? Date.parse(versionCreated) : Number.NaN;
  return Number.isFinite(time) ? time + number / 1000 : number;
}
