// The event ids the publisher has sent, remembered in Redis for a while, so a
// repeat of an event (a record the normalizer could not rule out) is not sent twice.
import type { Redis } from '@wire/redis';

export interface PublishedEvents {
  /** Which of these ids went out before. One round trip. */
  known(eventIds: string[]): Promise<Set<string>>;
  /** Remember ids once their transaction committed. One round trip. */
  remember(eventIds: string[]): Promise<void>;
}

export function createPublishedEvents(
  redis: Redis,
  prefix: string,
  ttlMs: number,
): PublishedEvents {
  const keyOf = (eventId: string) => `${prefix}published:${eventId}`;
  return {
    async known(eventIds) {
      if (eventIds.length === 0) return new Set();
      const found = await redis.mget(eventIds.map(keyOf));
      return new Set(eventIds.filter((_, i) => found[i] !== null));
    },
    async remember(eventIds) {
      if (eventIds.length === 0) return;
      const pipeline = redis.pipeline();
      for (const id of eventIds) pipeline.set(keyOf(id), '1', 'PX', ttlMs);
      await pipeline.exec();
    },
  };
}
