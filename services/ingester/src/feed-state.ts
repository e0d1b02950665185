// Per-feed state in Redis, so any ingester instance can take over a feed: the
// validators and hash of the last document Kafka acknowledged, and health counters.
import type { Redis } from '@wire/redis';

export interface FeedState {
  etag?: string;
  lastModified?: string;
  sha256?: string;
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  lastStatus?: string;
  consecutiveFailures: number;
  documentsPublished: number;
}

/** Fields left undefined keep their value; an empty string clears a field. */
export type FeedStateChanges = { [K in keyof FeedState]?: FeedState[K] | undefined };

export interface FeedStateStore {
  get(feedId: string): Promise<FeedState>;
  update(feedId: string, changes: FeedStateChanges): Promise<void>;
}

const ttlSeconds = 30 * 24 * 60 * 60;

export function createFeedStateStore(redis: Redis, prefix: string): FeedStateStore {
  const key = (feedId: string) => `${prefix}feed:${feedId}`;
  return {
    async get(feedId) {
      const raw = await redis.hgetall(key(feedId));
      const { consecutiveFailures, documentsPublished, ...rest } = raw;
      const present = Object.entries(rest).filter(([, value]) => value !== '');
      return {
        ...Object.fromEntries(present),
        consecutiveFailures: Number(consecutiveFailures ?? 0),
        documentsPublished: Number(documentsPublished ?? 0),
      };
    },
    async update(feedId, changes) {
      const fields = Object.entries(changes).filter(([, value]) => value !== undefined);
      if (fields.length === 0) return;
      await redis
        .multi()
        .hset(key(feedId), Object.fromEntries(fields.map(([k, v]) => [k, String(v)])))
        .expire(key(feedId), ttlSeconds)
        .exec();
    },
  };
}
