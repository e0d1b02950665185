// The article pages a feed's items wait for (full text), in Redis so any instance
// that takes the feed over goes on with them: per item revision (a hash of its
// element as written) the work, attempts and when it is due; once its page is
// published or refused for good, a done marker, so the same revision is never
// fetched twice while a changed item is.
import { createHash } from 'node:crypto';
import { type Redis, redisKeys } from '@wire/redis';

export interface PageWork {
  itemId: string;
  link: string;
  /** The item as a one-item document (see feed-items.ts). */
  document: string;
  attempts: number;
  /** When it was queued, ms. */
  queuedAt: number;
  /** When to fetch it next, ms. */
  dueAt: number;
}

export interface QueuedPage extends PageWork {
  /** The item revision: a hash of its one-item document. */
  key: string;
}

export interface PageQueue {
  /** Queues the revisions neither queued nor done yet; resolves how many were new. */
  add(feedId: string, work: PageWork[]): Promise<number>;
  /** The pages due at `now`, earliest first, at most `limit`. */
  due(feedId: string, now: number, limit: number): Promise<QueuedPage[]>;
  /** The page is settled (published, or refused for good): never fetched again for this revision. */
  settle(feedId: string, key: string, outcome: string): Promise<void>;
  /** Fetch it again later. */
  retry(feedId: string, page: QueuedPage): Promise<void>;
  /** How many pages wait. */
  size(feedId: string): Promise<number>;
  /** Counts settled pages in the feed's state, for the status page. */
  count(feedId: string, published: number, failed: number): Promise<void>;
}

const ttlSeconds = 7 * 24 * 3600;

export const pageKeyOf = (document: string) =>
  createHash('sha256').update(document).digest('hex').slice(0, 32);

export function createPageQueue(redis: Redis, prefix: string): PageQueue {
  const keys = redisKeys(prefix);
  return {
    async add(feedId, work) {
      if (work.length === 0) return 0;
      const hash = keys.pages(feedId);
      const added = await Promise.all(
        work.map(async (page) => {
          const key = pageKeyOf(page.document);
          if ((await redis.exists(keys.pageDone(feedId, key))) === 1) return 0;
          return redis.hsetnx(hash, key, JSON.stringify(page));
        }),
      );
      await redis.expire(hash, ttlSeconds);
      return added.reduce((sum: number, one) => sum + one, 0);
    },
    async due(feedId, now, limit) {
      const all = await redis.hgetall(keys.pages(feedId));
      return Object.entries(all)
        .map(([key, value]) => ({ key, ...(JSON.parse(value) as PageWork) }))
        .filter((page) => page.dueAt <= now)
        .sort((a, b) => a.dueAt - b.dueAt)
        .slice(0, limit);
    },
    async settle(feedId, key, outcome) {
      await redis
        .multi()
        .set(keys.pageDone(feedId, key), outcome, 'EX', ttlSeconds)
        .hdel(keys.pages(feedId), key)
        .exec();
    },
    async retry(feedId, { key, ...work }) {
      await redis.hset(keys.pages(feedId), key, JSON.stringify(work));
    },
    async size(feedId) {
      return redis.hlen(keys.pages(feedId));
    },
    async count(feedId, published, failed) {
      if (published === 0 && failed === 0) return;
      await redis
        .multi()
        .hincrby(keys.feed(feedId), 'pagesPublished', published)
        .hincrby(keys.feed(feedId), 'pagesFailed', failed)
        .exec();
    },
  };
}
