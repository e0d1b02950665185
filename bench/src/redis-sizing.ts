// Redis memory per 100,000 stories, for sizing (docs/operations.md): new stories
// through the normalizer's stores as the service builds them, and each published
// event remembered as the publisher remembers it, in a fresh key prefix; then
// every key of the prefix weighed with MEMORY USAGE, and Redis's used_memory read
// before and after. The reference is the same articles' normalized JSON, what
// keeping the stories themselves would take.
import { randomBytes } from 'node:crypto';
import { createPublishedEvents } from '@wire/publisher';
import { connectRedis, type Redis } from '@wire/redis';
import { testRedisUrl } from '@wire/testkit';
import { type Figure, figure } from './harness.js';
import { normalizeAll, redisStores } from './normalizer.js';

const perStories = 100_000;
const dedupeTtlMs = 30 * 86_400_000;

/** Bytes of each key kind under the prefix (`story`, `event`, `rf`...), and their count. */
async function weighKeys(redis: Redis, prefix: string) {
  const kinds = new Map<string, { keys: number; bytes: number }>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    const pipeline = redis.pipeline();
    for (const key of keys) pipeline.memory('USAGE', key, 'SAMPLES', '0');
    const sizes = (await pipeline.exec()) ?? [];
    keys.forEach((key, i) => {
      const kind = key.slice(prefix.length).split(':')[0] as string;
      const entry = kinds.get(kind) ?? { keys: 0, bytes: 0 };
      entry.keys++;
      entry.bytes += Number(sizes[i]?.[1] ?? 0);
      kinds.set(kind, entry);
    });
  } while (cursor !== '0');
  return kinds;
}

/** Redis's own count of the memory it uses, the allocator's overhead included. */
async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? Number.NaN);
}

export async function benchRedisSizing(documents: Buffer[], namespace: string): Promise<Figure[]> {
  const redis = await connectRedis({ url: testRedisUrl });
  const prefix = `${namespace}${randomBytes(3).toString('hex')}.`;
  try {
    const usedBefore = await usedMemory(redis);
    const published = createPublishedEvents(redis, prefix, dedupeTtlMs);
    let stories = 0;
    let articleBytes = 0;
    const eventIds: string[] = [];
    await normalizeAll(documents, redisStores(redis, prefix), prefix, (article) => {
      if (article.verdict === 'created') stories++;
      articleBytes += Buffer.byteLength(JSON.stringify(article));
      eventIds.push(article.eventId);
    });
    await published.remember(eventIds);
    const usedGrowth = (await usedMemory(redis)) - usedBefore;
    const kinds = await weighKeys(redis, prefix);
    const total = [...kinds.values()].reduce((n, k) => n + k.bytes, 0);
    const scale = perStories / stories;
    const mb = (bytes: number) => (bytes * scale) / 1e6;
    const breakdown = [...kinds]
      .sort((a, b) => b[1].bytes - a[1].bytes)
      .map(([kind, k]) => `${kind} ${mb(k.bytes).toFixed(0)}`)
      .join(', ');
    return [
      figure(
        'Redis memory per 100,000 new stories, normalizer and publisher keys',
        mb(total),
        'MB',
        'the same articles as normalized JSON, MB',
        mb(articleBytes),
        `${stories} stories measured; MB by key: ${breakdown}`,
      ),
      // The same writes as Redis counts them: what `maxmemory` is set against. Other
      // clients of the same Redis move it too, so it is a reading, not a sum.
      figure(
        'Redis used_memory growth per 100,000 new stories',
        mb(usedGrowth),
        'MB',
        'the keys alone (MEMORY USAGE), MB',
        mb(total),
        'INFO memory before and after, the allocator included',
      ),
    ];
  } finally {
    // The measurement's keys go: nothing else reads them.
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
    await redis.quit();
  }
}
