// What the normalizer remembers of each story, in Redis with a TTL: which event
// created it, when it was first created, its highest revision so far, whether it
// was killed, and a sequence number per event. `place` is one atomic step, so two
// instances handling two revisions of one story at once cannot both call theirs
// the latest. A run done again after its transaction aborted finds what its first
// attempt placed: an earlier revision would find itself below the later ones of
// the same run and pass for a stale one (a story's creation out as superseded).
// So each placement keeps the input position it came from, and an event placed
// again gets its first answer while everything above it came from its own input
// at or after its own offset: that work did not commit, or the record would not
// be here again. Placed from elsewhere (another feed's partition), it is judged
// afresh. The rules, for the newsroom's sake:
// - a kill is final: once a story is withdrawn, no other revision is its latest,
//   whatever its rank (Superdesk keeps a killed item killed too);
// - a revision ranked below the story's latest is not its latest either;
// - each event gets the story's next sequence number (1, 2, 3...) once: the
//   version consumers can order when the source numbers none.

import { luaScript, type Redis, redisKeys } from '@wire/redis';

export interface RevisionToPlace {
  eventId: string;
  /** Orders revisions: the source's version number, else its version time in ms. */
  rank: number;
  revision: string;
  versionCreated?: string | undefined;
  /** The source withdraws the story with this revision. */
  kill: boolean;
  /** The source's own version, when it numbers them. */
  version?: string | undefined;
  /** Where the input record came from: its partition, and its offset there. */
  position?: InputPosition | undefined;
}

export interface InputPosition {
  /** The input partition, as `topic/partition`. */
  stream: string;
  offset: number;
}

export interface RevisionPlacement {
  /** This event is the one that made the story known. */
  createdStory: boolean;
  /** The story's latest revision now: no higher rank came before, and no kill. */
  isLatest: boolean;
  /** Another event withdrew the story before this one. */
  killed: boolean;
  /** Ranked strictly below the story's latest when placed: an older revision. */
  stale: boolean;
  /** This event's place in the story: 1 for the first event placed, then 2, 3... */
  sequence: number;
  /** The version of the story's latest revision (the source's, else its sequence). */
  latestVersion: string;
  firstCreated?: string;
}

export interface StoryLedger {
  place(uri: string, revision: RevisionToPlace): Promise<RevisionPlacement>;
}

// KEYS[1] story hash; ARGV: eventId, rank, revision, versionCreated ('' if none),
// ttl seconds, kill ('1' or '0'), version ('' if none), input position
// ('<stream>\n<offset>', '' if none). Exported for a test that runs it as another
// instance would, to teach a new primary the script.
export const placeScript = `
local key = KEYS[1]
local eventId, rank, revision, created, ttl = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4], tonumber(ARGV[5])
local kill, version, at = ARGV[6] == '1', ARGV[7], ARGV[8]
local stream, offset = string.match(at, '^(.*)\\n(%d+)$')
-- Placed from this record's input at or after its offset: not committed.
local function uncommitted(placedAt)
  if not stream or not placedAt then return false end
  local s, o = string.match(placedAt, '^(.*)\\n(%d+)$')
  return s == stream and tonumber(o) >= tonumber(offset)
end
local first = redis.call('HGET', key, 'firstEvent')
if not first then
  redis.call('HSET', key, 'firstEvent', eventId, 'topRank', ARGV[2], 'topRevision', revision, 'topAt', at)
  if created ~= '' then redis.call('HSET', key, 'firstCreated', created) end
  first = eventId
end
local seq = redis.call('HGET', key, 'seq:' .. eventId)
if not seq then
  seq = redis.call('HINCRBY', key, 'nextSeq', 1)
  redis.call('HSET', key, 'seq:' .. eventId, seq)
end
local firstCreated = redis.call('HGET', key, 'firstCreated') or ''
-- latest, killed and stale as digits, then the latest version: the first answer.
local answer = redis.call('HGET', key, 'answer:' .. eventId)
local killEvent = redis.call('HGET', key, 'killEvent')
if answer and uncommitted(redis.call('HGET', key, 'topAt'))
  and (not killEvent or killEvent == eventId or uncommitted(redis.call('HGET', key, 'killAt'))) then
  redis.call('EXPIRE', key, ttl)
  local digit = function(i) return tonumber(string.sub(answer, i, i)) end
  return { first == eventId and 1 or 0, digit(1), firstCreated, digit(2), tonumber(seq), string.sub(answer, 5), digit(3) }
end
local label = version ~= '' and version or tostring(seq)
if kill and not killEvent then
  redis.call('HSET', key, 'killEvent', eventId, 'killAt', at)
  killEvent = eventId
end
local topRank = tonumber(redis.call('HGET', key, 'topRank'))
local topRevision = redis.call('HGET', key, 'topRevision')
local latest, killed = 0, 0
local stale = (not kill and rank < topRank) and 1 or 0
if killEvent and killEvent ~= eventId and not kill then
  killed = 1
elseif kill or rank > topRank or (rank == topRank and revision >= topRevision) then
  latest = 1
  redis.call('HSET', key, 'topRank', ARGV[2], 'topRevision', revision, 'topVersion', label, 'topAt', at)
end
local topVersion = redis.call('HGET', key, 'topVersion') or label
redis.call('HSET', key, 'answer:' .. eventId, latest .. killed .. stale .. ':' .. topVersion)
redis.call('EXPIRE', key, ttl)
return { first == eventId and 1 or 0, latest, firstCreated, killed, tonumber(seq), topVersion, stale }
`;

type PlaceReply = [number, number, string, number, number, string, number];

export function createRedisStoryLedger(
  redis: Redis,
  prefix: string,
  ttlSeconds: number,
): StoryLedger {
  const key = redisKeys(prefix).story;
  const place = luaScript(redis, placeScript);
  return {
    async place(uri, r) {
      const [created, latest, firstCreated, killed, sequence, latestVersion, stale] = (await place(
        [key(uri)],
        [
          r.eventId,
          String(r.rank),
          r.revision,
          r.versionCreated ?? '',
          String(Math.ceil(ttlSeconds)),
          r.kill ? '1' : '0',
          r.version ?? '',
          r.position ? `${r.position.stream}\n${r.position.offset}` : '',
        ],
      )) as PlaceReply;
      return {
        createdStory: created === 1,
        isLatest: latest === 1,
        killed: killed === 1,
        stale: stale === 1,
        sequence,
        latestVersion,
        ...(firstCreated && { firstCreated }),
      };
    },
  };
}

interface MemoryStory {
  firstEvent: string;
  firstCreated?: string;
  topRank: number;
  topRevision: string;
  topVersion?: string;
  topAt?: InputPosition | undefined;
  killEvent?: string;
  killAt?: InputPosition | undefined;
  nextSeq: number;
  sequences: Map<string, number>;
  /** Each event's first answer. */
  answers: Map<string, RevisionPlacement>;
}

/** The same rules in memory, for unit tests; passes the same contract suite. */
export function createMemoryStoryLedger(): StoryLedger {
  const stories = new Map<string, MemoryStory>();
  return {
    async place(uri, r) {
      let story = stories.get(uri);
      if (!story) {
        story = {
          firstEvent: r.eventId,
          topRank: r.rank,
          topRevision: r.revision,
          topAt: r.position,
          nextSeq: 0,
          sequences: new Map(),
          answers: new Map(),
        };
        if (r.versionCreated) story.firstCreated = r.versionCreated;
        stories.set(uri, story);
      }
      let sequence = story.sequences.get(r.eventId);
      if (sequence === undefined) {
        sequence = ++story.nextSeq;
        story.sequences.set(r.eventId, sequence);
      }
      const uncommitted = (placedAt: InputPosition | undefined) =>
        r.position !== undefined &&
        placedAt?.stream === r.position.stream &&
        placedAt.offset >= r.position.offset;
      const answered = story.answers.get(r.eventId);
      if (
        answered &&
        uncommitted(story.topAt) &&
        (story.killEvent === undefined ||
          story.killEvent === r.eventId ||
          uncommitted(story.killAt))
      )
        return answered;
      const label = r.version || String(sequence);
      if (r.kill && story.killEvent === undefined)
        Object.assign(story, { killEvent: r.eventId, killAt: r.position });
      const killed = story.killEvent !== undefined && story.killEvent !== r.eventId && !r.kill;
      const stale = !r.kill && r.rank < story.topRank;
      const isLatest =
        !killed &&
        (r.kill ||
          r.rank > story.topRank ||
          (r.rank === story.topRank && r.revision >= story.topRevision));
      if (isLatest)
        Object.assign(story, {
          topRank: r.rank,
          topRevision: r.revision,
          topVersion: label,
          topAt: r.position,
        });
      const answer = {
        createdStory: story.firstEvent === r.eventId,
        isLatest,
        killed,
        stale,
        sequence,
        latestVersion: story.topVersion ?? label,
        ...(story.firstCreated && { firstCreated: story.firstCreated }),
      };
      story.answers.set(r.eventId, answer);
      return answer;
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
