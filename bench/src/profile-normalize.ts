// Run under node --cpu-prof to see where the normalizer's CPU goes: normalizes
// synthetic feeds (as the benchmark makes them) with in-memory state, or with the
// Redis stores as the service builds them (`redis`: the stack's Redis), new
// stories every round, for a few seconds; prints articles/s and, with Redis, the
// CPU each article cost this process and Redis's server.
//   node --cpu-prof --cpu-prof-dir=DIR bench/dist/src/profile-normalize.js 10 [memory|redis]
import { randomBytes } from 'node:crypto';
import { createMemoryNormalizerState, normalizeDocument } from '@wire/normalizer';
import { connectRedis } from '@wire/redis';
import { testRedisUrl } from '@wire/testkit';
import { loadCorpus } from './corpus.js';
import { redisStores } from './normalizer.js';
import { rawHeaders } from './raw-records.js';
import { syntheticFeeds, textPool } from './synthetic-feeds.js';

const [seconds = '10', stores = 'memory'] = process.argv.slice(2);
const redis = stores === 'redis' ? await connectRedis({ url: testRedisUrl }) : undefined;
const redisCpuSeconds = async () => {
  const info = (await redis?.info('cpu')) ?? '';
  return (
    Number(/used_cpu_sys:([\d.]+)/.exec(info)?.[1] ?? 0) +
    Number(/used_cpu_user:([\d.]+)/.exec(info)?.[1] ?? 0)
  );
};
const redisBefore = await redisCpuSeconds();
const cpuBefore = process.cpuUsage();
const pool = textPool(loadCorpus());
const until = Date.now() + Number(seconds) * 1000;
let articles = 0;
let round = 0;
const start = Date.now();
while (Date.now() < until) {
  const documents = syntheticFeeds(pool, {
    documents: 20,
    itemsPerDocument: 10,
    runId: `profile-${round++}-${randomBytes(2).toString('hex')}`,
  });
  const prefix = `profile.${randomBytes(3).toString('hex')}.`;
  const state = redis
    ? { ...redisStores(redis, prefix), eventKey: (id: string) => `${prefix}event:${id}` }
    : createMemoryNormalizerState();
  for (const [i, value] of documents.entries()) {
    const { summary, afterCommit } = await normalizeDocument(
      { value, headers: rawHeaders(value, 'profile-feed'), deliveryId: `raw/0/${i}` },
      {
        ...state,
        sleep: async () => undefined,
        publishNormalized: async () => undefined,
        deadLetter: async () => undefined,
      },
    );
    await afterCommit();
    articles += summary.articles;
  }
}
console.log(`${Math.round(articles / ((Date.now() - start) / 1000))} articles/s`);
const cpu = process.cpuUsage(cpuBefore);
const perArticle = (s: number) => `${Math.round((s * 1e6) / articles)} µs`;
const redisCpu = (await redisCpuSeconds()) - redisBefore;
console.log(
  `CPU an article: this process ${perArticle((cpu.user + cpu.system) / 1e6)} (system ${perArticle(cpu.system / 1e6)})${redis ? `, Redis ${perArticle(redisCpu)}` : ''}`,
);
redis?.disconnect();
