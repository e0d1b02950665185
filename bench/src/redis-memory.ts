// Redis memory per 100,000 stories, measured (docs/operations.md, "Sizing"): real
// documents' text (the corpus pool of the benchmarks, 10 items a document) through
// normalizeDocument and its afterCommit with the normalizer's Redis stores as the
// service builds them (claims, story ledger, aliases, links, near-duplicate and
// re-file indexes), plus the publisher's `published:<id>` for each event sent,
// then INFO memory's used_memory before and after. Against the cluster's primary
// when REDIS_SENTINELS is set (REDIS_SENTINEL_NAME, default wire), else REDIS_URL.
//
//   node bench/dist/src/redis-memory.js [stories=100000]
//
// The keys stay under their prefix until they expire (or `--delete` removes them).
import { randomBytes } from 'node:crypto';
import { createNormalizerState, normalizeDocument } from '@wire/normalizer';
import { connectRedis, type Redis, redisKeys } from '@wire/redis';
import { testRedisUrl } from '@wire/testkit';
import { loadCorpus } from './corpus.js';
import { rawHeaders } from './raw-records.js';
import { syntheticFeeds, textPool } from './synthetic-feeds.js';

const stories = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 100_000);
const deleteAfter = process.argv.includes('--delete');
const itemsPerDocument = 10;
const dedupeTtlDays = 30;
const publisherTtlMs = 7 * 86_400_000;

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? Number.NaN);
}

async function keysUnder(redis: Redis, prefix: string): Promise<Map<string, number>> {
  const families = new Map<string, number>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const family = key.slice(prefix.length).split(':')[0] as string;
      families.set(family, (families.get(family) ?? 0) + 1);
    }
  } while (cursor !== '0');
  return families;
}

const sentinels = process.env.REDIS_SENTINELS?.split(',');
const redis = await connectRedis({
  url: process.env.REDIS_URL ?? testRedisUrl,
  ...(sentinels && {
    sentinels: { addresses: sentinels, name: process.env.REDIS_SENTINEL_NAME ?? 'wire' },
  }),
});
const runId = `sizing-${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
const prefix = `${runId}.`;
const state = createNormalizerState(redis, {
  WIRE_REDIS_PREFIX: prefix,
  CLAIM_PENDING_TTL_MS: 60_000,
  DEDUPE_TTL_DAYS: dedupeTtlDays,
  NEAR_DUPLICATE_MAX_DISTANCE: 3,
  NEAR_DUPLICATE_WINDOW_HOURS: 72,
});
const publishedKey = redisKeys(prefix).published;
const pool = textPool(loadCorpus());
const before = await usedMemory(redis);
const started = Date.now();
let articles = 0;
let published = 0;
const chunk = 100;
for (let first = 0; first < stories / itemsPerDocument; first += chunk) {
  const documents = syntheticFeeds(pool, {
    documents: Math.min(chunk, stories / itemsPerDocument - first),
    itemsPerDocument,
    runId: `${runId}-${first}`,
    seed: first + 1,
  });
  for (const [i, value] of documents.entries()) {
    const sent: string[] = [];
    const { summary, afterCommit } = await normalizeDocument(
      {
        value,
        headers: rawHeaders(value, `sizing-feed-${(first + i) % 200}`),
        deliveryId: `${prefix}raw/0/${first + i}`,
      },
      {
        ...state,
        eventKey: (eventId) => `${prefix}event:${eventId}`,
        sleep: async () => undefined,
        publishNormalized: async (article) => {
          sent.push(article.eventId);
        },
        deadLetter: async () => undefined,
      },
    );
    await afterCommit();
    // The publisher's memory of each event it sent, as it leaves it after the commit.
    if (sent.length > 0) {
      const pipeline = redis.pipeline();
      for (const id of sent) pipeline.set(publishedKey(id), 'sent', 'PX', publisherTtlMs);
      await pipeline.exec();
    }
    articles += summary.articles;
    published += summary.published;
  }
  process.stderr.write(`\r${articles} articles`);
}
process.stderr.write('\n');
const after = await usedMemory(redis);
const families = await keysUnder(redis, prefix);
const storyKeys = families.get('story') ?? 0;
const bytes = after - before;
console.log(
  JSON.stringify(
    {
      redis: (await redis.info('server')).match(/redis_version:(\S+)/)?.[1],
      articles,
      published,
      stories: storyKeys,
      seconds: (Date.now() - started) / 1000,
      usedMemoryBefore: before,
      usedMemoryAfter: after,
      bytesPerStory: Math.round(bytes / Math.max(storyKeys, 1)),
      mibPer100kStories: Number(
        (((bytes / Math.max(storyKeys, 1)) * 100_000) / 2 ** 20).toFixed(1),
      ),
      keys: Object.fromEntries([...families].sort()),
    },
    null,
    2,
  ),
);
if (deleteAfter) {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
}
redis.disconnect();
