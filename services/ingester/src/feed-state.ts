// Per-feed state in Redis, so any ingester instance can take over a feed: the
// validators and hash of the last document Kafka acknowledged, health counters, and
// the hourly counts of new items the status page draws.
import { luaScript, type Redis, redisKeys } from '@wire/redis';
import { hourFieldOf, itemHistoryTtlSeconds, oldestKeptHourField } from './item-history.js';

export interface FeedState {
  etag?: string;
  lastModified?: string;
  sha256?: string;
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  lastStatus?: string;
  /** When the instance holding the lease means to poll again (ISO time). */
  nextPollAt?: string;
  consecutiveFailures: number;
  documentsPublished: number;
  /** Feed activity (see feed-activity.ts). */
  itemsSeen: number;
  gaps: number;
  changes: number;
  lastChangedAt?: number;
  changeIntervalMs?: number;
  /** Short hashes of the last changed document's item ids, comma-separated. */
  lastItems?: string;
  quiet?: string;
  /** Article pages (full text) published, and refused for good. */
  pagesPublished: number;
  pagesFailed: number;
}

const numericFields = [
  'consecutiveFailures',
  'documentsPublished',
  'itemsSeen',
  'gaps',
  'changes',
  'pagesPublished',
  'pagesFailed',
] as const;
const optionalNumbers = ['lastChangedAt', 'changeIntervalMs'] as const;

/** Fields left undefined keep their value; an empty string clears a field. */
export type FeedStateChanges = { [K in keyof FeedState]?: FeedState[K] | undefined };

export interface FeedStateStore {
  get(feedId: string): Promise<FeedState>;
  /**
   * Writes the changes; with a fence (the lease value this instance holds), only if
   * the feed's lease still has it. Resolves false when a newer holder exists.
   */
  update(
    feedId: string,
    changes: FeedStateChanges,
    fence?: string,
    newItems?: NewItems,
  ): Promise<boolean>;
}

/** Items a published document added, counted in its hour with the same write. */
export interface NewItems {
  count: number;
  at: number;
}

// KEYS: state hash, lease, hourly item counts (see item-history.ts).
// ARGV: fence ('' for none), ttl seconds, hour ('' for no count), new items, oldest hour
// kept, counts' ttl seconds, then field, value, field, value...
const fencedUpdate = `
if ARGV[1] ~= '' and redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
for i = 7, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('EXPIRE', KEYS[1], ARGV[2])
if ARGV[3] ~= '' then
  redis.call('HINCRBY', KEYS[3], ARGV[3], ARGV[4])
  for _, hour in ipairs(redis.call('HKEYS', KEYS[3])) do
    if hour < ARGV[5] then redis.call('HDEL', KEYS[3], hour) end
  end
  redis.call('EXPIRE', KEYS[3], ARGV[6])
end
return 1
`;

const ttlSeconds = 30 * 24 * 60 * 60;

export function createFeedStateStore(redis: Redis, prefix: string): FeedStateStore {
  const keys = redisKeys(prefix);
  const key = keys.feed;
  const runUpdate = luaScript(redis, fencedUpdate);
  return {
    async get(feedId) {
      const raw = await redis.hgetall(key(feedId));
      const state: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(raw)) if (value !== '') state[field] = value;
      for (const field of numericFields) state[field] = Number(raw[field] ?? 0);
      for (const field of optionalNumbers) {
        if (raw[field]) state[field] = Number(raw[field]);
      }
      return state as unknown as FeedState;
    },
    async update(feedId, changes, fence, newItems) {
      const fields = Object.entries(changes).filter(([, value]) => value !== undefined);
      if (fields.length === 0) return true;
      const args = fields.flatMap(([k, v]) => [k, String(v)]);
      const counted = newItems !== undefined && newItems.count > 0;
      const applied = await runUpdate(
        [key(feedId), keys.lease(feedId), keys.feedItems(feedId)],
        [
          fence ?? '',
          String(ttlSeconds),
          counted ? hourFieldOf(newItems.at) : '',
          String(newItems?.count ?? 0),
          counted ? oldestKeptHourField(newItems.at) : '',
          String(itemHistoryTtlSeconds),
          ...args,
        ],
      );
      return applied === 1;
    },
  };
}
