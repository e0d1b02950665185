// Builds the ioredis client. While Redis is down, commands wait in the offline
// queue instead of failing: callers pause rather than drop work. Commands issued
// in the same tick go out in one write (auto-pipelining), so code that asks about
// every article of a document at once pays one round trip, not one per article.
import { Redis } from 'ioredis';

export type { Redis } from 'ioredis';

export interface RedisClientSettings {
  url: string;
  /** Called on connection errors; the client keeps reconnecting. */
  onError?: (err: Error) => void;
  /**
   * For commands a person runs: give up at once when Redis cannot be reached,
   * instead of waiting for it as a service does.
   */
  failFast?: boolean;
}

export async function connectRedis(settings: RedisClientSettings): Promise<Redis> {
  const client = new Redis(
    settings.url,
    settings.failFast
      ? {
          lazyConnect: true,
          enableAutoPipelining: true,
          maxRetriesPerRequest: 1,
          retryStrategy: () => null,
        }
      : {
          lazyConnect: true,
          enableAutoPipelining: true,
          maxRetriesPerRequest: null,
          enableOfflineQueue: true,
          retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 5_000),
        },
  );
  client.on('error', (err: Error) => settings.onError?.(err));
  try {
    await client.connect();
  } catch (err) {
    client.disconnect();
    throw err;
  }
  return client;
}
