import { startServiceProcess } from '@wire/cli';
import { allTopics, createKafkaClient, ensureTopics, topicCatalogue } from '@wire/kafka';
import { testBrokers, testRedisUrl, waitUntil } from '@wire/testkit';
import { Kafka, logLevel } from 'kafkajs';
import { loadCorpus } from './dist/src/corpus.js';
import { rawHeaders } from './dist/src/raw-records.js';
import { syntheticFeeds, textPool } from './dist/src/synthetic-feeds.js';

const runId = `s${Date.now().toString(36)}`;
const ns = `${runId}.e2e.`;
const pool = textPool(loadCorpus());
const N = +(process.argv[2] ?? 200);
const load = syntheticFeeds(pool, { documents: N, itemsPerDocument: 10, runId: `${runId}-load` });
const warmup = syntheticFeeds(pool, {
  documents: 5,
  itemsPerDocument: 10,
  runId: `${runId}-warm`,
  seed: 7,
});
const topics = topicCatalogue(ns);
await ensureTopics(createKafkaClient({ brokers: testBrokers, clientId: 'x' }), allTopics(topics));
const env = {
  KAFKA_BROKERS: testBrokers.join(','),
  REDIS_URL: testRedisUrl,
  WIRE_TOPIC_PREFIX: ns,
  WIRE_REDIS_PREFIX: ns,
  LOG_LEVEL: process.env.SLOG ?? 'warn',
  ...(process.env.XENV ? JSON.parse(process.env.XENV) : {}),
};
const services = [
  startServiceProcess('publisher', { env }),
  startServiceProcess('normalizer', { env }),
];
const kafka = new Kafka({ brokers: testBrokers, clientId: 'r', logLevel: logLevel.NOTHING });
const seen = { norm: [], pub: [] };
async function reader(topic, list) {
  const c = kafka.consumer({ groupId: `${topic}.r`, readUncommitted: false, maxWaitTimeInMs: 20 });
  await c.connect();
  await c.subscribe({ topics: [topic], fromBeginning: true });
  await c.run({
    eachBatch: async ({ batch }) => {
      const at = Date.now();
      for (const m of batch.messages) list.push({ at, ts: +m.timestamp, p: batch.partition });
    },
  });
  return c;
}
const r1 = await reader(topics.normalized.name, seen.norm);
const r2 = await reader(topics.articles.name, seen.pub);
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
await producer.connect();
const send = async (docs, b) => {
  const now = new Date();
  await producer.send({
    topic: topics.raw.name,
    acks: -1,
    messages: docs.map((value, i) => ({
      key: `${b}-${i % 12}`,
      value,
      headers: rawHeaders(value, `${b}-${i % 12}`, now),
    })),
  });
};
await send(warmup, 'warm');
await waitUntil(() => seen.pub.length >= 50, { timeoutMs: 120000, what: 'warm' });
const bn = seen.norm.length,
  bp = seen.pub.length;
const start = Date.now();
for (let i = 0; i < load.length; i += 10) await send(load.slice(i, i + 10), `load${i}`);
const sentEnd = Date.now();
await waitUntil(() => seen.pub.length >= bp + N * 10, { timeoutMs: 600000, what: 'load' });
const n = seen.norm.slice(bn),
  p = seen.pub.slice(bp);
const rel = (x) => x - start;
const span = (l, k) =>
  `${rel(Math.min(...l.map((x) => x[k])))}..${rel(Math.max(...l.map((x) => x[k])))}`;
console.log(
  JSON.stringify({
    N,
    sentMs: sentEnd - start,
    normRecords: n.length,
    normCreate: span(n, 'ts'),
    normReadable: span(n, 'at'),
    pubRecords: p.length,
    pubCreate: span(p, 'ts'),
    pubReadable: span(p, 'at'),
    articlesPerSec: Math.round((N * 10) / ((Math.max(...p.map((x) => x.at)) - start) / 1000)),
  }),
);
// distinct create timestamps ~ transactions
const groups = (l) => {
  const m = new Map();
  for (const x of l) m.set(`${x.p}:${x.ts}`, (m.get(`${x.p}:${x.ts}`) ?? 0) + 1);
  return [...m.values()];
};
console.log('norm send groups', groups(n).length, 'pub send groups', groups(p).length);
await Promise.all([
  producer.disconnect(),
  r1.disconnect(),
  r2.disconnect(),
  ...services.map((s) => s.stop()),
]);
