// Every feed's health as the ingesters keep it in Redis: state, lease holder and
// new items per hour, read in one pipelined round trip. `wire feeds` and the
// status page both read it here.
import { type Redis, redisKeys } from '@wire/redis';
import { itemsPerHour } from './item-history.js';

export interface FeedHealth {
  feed: string;
  /** The last HTTP status, or a fetch failure code (TIMEOUT...). */
  status?: string;
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  nextPollAt?: string;
  consecutiveFailures: number;
  documentsPublished: number;
  itemsSeen: number;
  gaps: number;
  quiet: boolean;
  /** Article pages (full text) published, and refused for good. */
  pagesPublished: number;
  pagesFailed: number;
  /** The instance whose lease covers the feed now, if any. */
  polledBy?: string;
  /** New items in each of the last 24 hours, oldest first. */
  itemsPerHour: number[];
}

/** Feed ids with state under the prefix, sorted. */
export async function listPolledFeeds(redis: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(
      cursor,
      'MATCH',
      redisKeys(prefix).feed('*'),
      'COUNT',
      500,
    );
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys.map((key) => key.slice(redisKeys(prefix).feed('').length)).sort();
}

/** The health of these feeds (every feed with state when none are given), in that order. */
export async function readFeedHealth(
  redis: Redis,
  prefix: string,
  options: { feeds?: string[]; now?: number } = {},
): Promise<FeedHealth[]> {
  const feeds = options.feeds ?? (await listPolledFeeds(redis, prefix));
  const now = options.now ?? Date.now();
  if (feeds.length === 0) return [];
  const keys = redisKeys(prefix);
  const pipeline = redis.pipeline();
  for (const feed of feeds) {
    pipeline.hgetall(keys.feed(feed));
    pipeline.get(keys.lease(feed));
    pipeline.hgetall(keys.feedItems(feed));
  }
  const replies = (await pipeline.exec()) ?? [];
  return feeds.map((feed, i) => {
    const [stateReply, leaseReply, itemsReply] = replies.slice(3 * i, 3 * i + 3);
    for (const reply of [stateReply, leaseReply, itemsReply]) if (reply?.[0]) throw reply[0];
    const state = (stateReply?.[1] ?? {}) as Record<string, string>;
    const lease = (leaseReply?.[1] as string | null) ?? '';
    const text = (field: string) => (state[field] ? state[field] : undefined);
    return withoutUndefined<FeedHealth>({
      feed,
      status: text('lastStatus'),
      lastAttemptAt: text('lastAttemptAt'),
      lastSuccessAt: text('lastSuccessAt'),
      nextPollAt: text('nextPollAt'),
      consecutiveFailures: Number(state.consecutiveFailures ?? 0),
      documentsPublished: Number(state.documentsPublished ?? 0),
      itemsSeen: Number(state.itemsSeen ?? 0),
      gaps: Number(state.gaps ?? 0),
      quiet: state.quiet === '1',
      pagesPublished: Number(state.pagesPublished ?? 0),
      pagesFailed: Number(state.pagesFailed ?? 0),
      // The lease value is "<instance>:<fencing token>".
      polledBy: lease.replace(/:\d+$/, '') || undefined,
      itemsPerHour: itemsPerHour((itemsReply?.[1] ?? {}) as Record<string, string>, now),
    });
  });
}

/** Optional fields are absent rather than undefined (exactOptionalPropertyTypes). */
function withoutUndefined<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
