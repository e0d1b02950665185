// End to end: articles/s from wire.raw.v1 to the public topic with the delivery
// guarantees on (the real normalizer and publisher as processes: Redis claims,
// Kafka transactions, read_committed), and latency from fetch (wire-fetched-at)
// to the event being readable on the public topic, beside kafka-producer-perf-test
// writing the same documents to a plain topic. runEndToEnd is the run alone, for
// benchmarks that compare runs (the two Kafka clients).
import { join } from 'node:path';
import {
  allTopics,
  createKafkaClient,
  ensureTopics,
  type KafkaLibrary,
  topicCatalogue,
} from '@wire/kafka';
import { connectRedis } from '@wire/redis';
import { testBrokers, testRedisUrl, waitUntil } from '@wire/testkit';
import { Kafka, logLevel } from 'kafkajs';
import { type Figure, figure, quantile } from './harness.js';
import { type LoadCpu, machineCores, pipelineProcesses, readLoadCpu } from './load-cpu.js';
import { readProcessStats } from './process-stats.js';
import { runProducerPerfTest } from './producer-ceiling.js';
import { rawHeaders } from './raw-records.js';
import { startWatched, type Watched } from './service-watch.js';
import { freePort, phasesBetween, readStagePhases, type StagePhases } from './stage-phases.js';

export interface EndToEndSettings {
  /** Topic and key prefix of this run. */
  namespace: string;
  /** Documents to warm up on (consumer groups joined, transactions begun). */
  warmup: Buffer[];
  load: Buffer[];
  itemsPerDocument: number;
  /** When set, the services run under node --cpu-prof writing here. */
  profileDir?: string;
  /** The services' KAFKA_CLIENT (their default, kafkajs, when unset). */
  library?: KafkaLibrary;
}

/** What one run measured. */
export interface EndToEndRun {
  articles: number;
  articlesPerSecond: number;
  /** Each article's milliseconds from its document's fetch to readable. */
  latencies: number[];
  /** Each service process's peak RSS (VmHWM) over the run, in bytes. */
  peakRssBytes: { normalizer: number; publisher: number };
  /** Seconds from the first document sent to the last event readable. */
  seconds: number;
  /** Where each stage's time went during the load (its /metrics). */
  phases: { normalizer: StagePhases; publisher: StagePhases };
  /** CPU seconds each process of the pipeline spent during the load. */
  cpuSeconds: LoadCpu;
}

interface Arrival {
  key: string;
  at: number;
}

async function readArrivals(topic: string, arrivals: Arrival[]) {
  const kafka = new Kafka({ brokers: testBrokers, clientId: 'bench', logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({
    groupId: `${topic}.bench-reader`,
    readUncommitted: false,
    maxWaitTimeInMs: 20,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const at = Date.now();
      for (const m of batch.messages) arrivals.push({ key: m.key?.toString() ?? '', at });
    },
  });
  return consumer;
}

export async function benchEndToEnd(settings: EndToEndSettings): Promise<Figure[]> {
  const run = await runEndToEnd(settings);
  // The ceiling writes to a topic set up as wire.raw.v1 is.
  const raw = topicCatalogue(settings.namespace).raw;
  const perfTopic = { ...raw, name: `${settings.namespace}bench.perf` };
  await ensureTopics(createKafkaClient({ brokers: testBrokers, clientId: 'bench' }), [perfTopic]);
  const ceiling = runProducerPerfTest(
    testBrokers.join(','),
    perfTopic.name,
    settings.load,
    Math.max(5_000, settings.load.length),
  );
  const ceilingArticles = ceiling.recordsPerSecond * settings.itemsPerDocument;
  return [
    figure(
      'end to end, raw to public topic, guarantees on',
      run.articlesPerSecond,
      'articles/s',
      `kafka-producer-perf-test, same documents × ${settings.itemsPerDocument} articles`,
      ceilingArticles,
      `${run.articles} articles in ${settings.load.length} documents`,
    ),
    ...(['normalizer', 'publisher'] as const).flatMap((stage) => {
      const p = run.phases[stage];
      const note = `${p.runs} runs of ${(p.records / Math.max(1, p.runs)).toFixed(1)} records; after the commit ${p.afterCommitSeconds.toFixed(2)} s`;
      return [
        figure(
          `end to end, ${stage} seconds making its output`,
          p.handleSeconds,
          's',
          'seconds of the load, first document sent to last event readable',
          run.seconds,
          note,
        ),
        figure(
          `end to end, ${stage} seconds committing transactions`,
          p.commitSeconds,
          's',
          'seconds of the load, first document sent to last event readable',
          run.seconds,
          note,
        ),
      ];
    }),
    ...cpuFigures(run, ceilingArticles),
    figure(
      'end to end latency p50, fetch to readable',
      quantile(run.latencies, 0.5),
      'ms',
      'kafka-producer-perf-test p50 ack',
      ceiling.p50Ms,
      'under the full load',
    ),
    figure(
      'end to end latency p99, fetch to readable',
      quantile(run.latencies, 0.99),
      'ms',
      'kafka-producer-perf-test p99 ack',
      ceiling.p99Ms,
      'under the full load',
    ),
  ];
}

/**
 * CPU an article by process, and all of it against what the 10 % target leaves:
 * at a tenth of the producer ceiling, the machine's cores give each article at
 * most cores / (0.1 × ceiling) seconds of CPU, whatever waits are hidden.
 */
function cpuFigures(run: EndToEndRun, ceilingArticles: number): Figure[] {
  const micros = (seconds: number) => (seconds * 1e6) / run.articles;
  const total = pipelineProcesses.reduce((sum, name) => sum + run.cpuSeconds[name], 0);
  const budget = (machineCores() * 1e6) / (0.1 * ceilingArticles);
  return [
    figure(
      'end to end, CPU an article, every process',
      micros(total),
      'µs',
      `CPU an article at 10 % of the ceiling on ${machineCores()} cores, µs`,
      budget,
      pipelineProcesses
        .map((name) => `${name} ${Math.round(micros(run.cpuSeconds[name]))}`)
        .join(', '),
    ),
  ];
}

/** The normalizer and publisher as processes, the warmup then the load through them. */
export async function runEndToEnd(settings: EndToEndSettings): Promise<EndToEndRun> {
  const ns = settings.namespace;
  const topics = topicCatalogue(ns);
  const kafka = createKafkaClient({ brokers: testBrokers, clientId: 'bench' });
  await ensureTopics(kafka, allTopics(topics));
  const redis = await connectRedis({ url: testRedisUrl });
  const env = {
    KAFKA_BROKERS: testBrokers.join(','),
    REDIS_URL: testRedisUrl,
    WIRE_TOPIC_PREFIX: ns,
    WIRE_REDIS_PREFIX: ns,
    LOG_LEVEL: 'warn',
    ...(settings.library && { KAFKA_CLIENT: settings.library }),
  };
  const profiled = (name: string) =>
    settings.profileDir
      ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${join(settings.profileDir, name)}` }
      : {};
  const ops = {
    normalizer: `127.0.0.1:${await freePort()}`,
    publisher: `127.0.0.1:${await freePort()}`,
  };
  const publisher = startWatched('publisher', {
    ...env,
    OPS_ADDRESS: ops.publisher,
    ...profiled('publisher'),
  });
  const normalizer = startWatched('normalizer', {
    ...env,
    OPS_ADDRESS: ops.normalizer,
    ...profiled('normalizer'),
  });
  const phasesNow = async () => ({
    normalizer: await readStagePhases(`http://${ops.normalizer}`),
    publisher: await readStagePhases(`http://${ops.publisher}`),
  });
  const services: Watched[] = [publisher, normalizer];
  const arrivals: Arrival[] = [];
  const reader = await readArrivals(topics.articles.name, arrivals);
  const producer = new Kafka({
    brokers: testBrokers,
    clientId: 'bench-raw',
    logLevel: logLevel.NOTHING,
  }).producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const fetchedAt = new Map<string, number>();
  const send = async (documents: Buffer[], batch: string) => {
    const now = new Date();
    const messages = documents.map((value, i) => {
      const feedId = `${batch}-${i % 12}`;
      return { key: feedId, value, headers: rawHeaders(value, feedId, now) };
    });
    await producer.send({ topic: topics.raw.name, acks: -1, messages });
    return now.getTime();
  };
  try {
    const warmupArticles = settings.warmup.length * settings.itemsPerDocument;
    await send(settings.warmup, 'warmup');
    await waitUntil(() => arrivals.length >= warmupArticles, {
      timeoutMs: 120_000,
      what: 'the warmup documents on the public topic',
    });
    const before = arrivals.length;
    const phasesBefore = await phasesNow();
    const cpuSince = await readLoadCpu(
      { normalizer: normalizer.pid, publisher: publisher.pid },
      redis,
      (testBrokers[0] ?? '').split(':')[1] ?? '9092',
    );
    const loadArticles = settings.load.length * settings.itemsPerDocument;
    const start = Date.now();
    // The load goes in batches of ten documents, each stamped when it is sent.
    for (let i = 0; i < settings.load.length; i += 10) {
      const sentAt = await send(settings.load.slice(i, i + 10), `load${i}`);
      fetchedAt.set(String(i), sentAt);
    }
    await waitUntil(() => arrivals.length >= before + loadArticles, {
      timeoutMs: 600_000,
      what: 'the load on the public topic',
    });
    const loaded = arrivals.slice(before, before + loadArticles);
    const end = Math.max(...loaded.map((a) => a.at));
    const cpuSeconds = cpuSince();
    const phasesAfter = await phasesNow();
    return {
      cpuSeconds,
      articles: loadArticles,
      articlesPerSecond: loadArticles / ((end - start) / 1000),
      seconds: (end - start) / 1000,
      phases: {
        normalizer: phasesBetween(phasesBefore.normalizer, phasesAfter.normalizer),
        publisher: phasesBetween(phasesBefore.publisher, phasesAfter.publisher),
      },
      latencies: latenciesOf(loaded, fetchedAt, settings.itemsPerDocument),
      // Read before the processes stop: /proc forgets them once they exit.
      peakRssBytes: {
        normalizer: readProcessStats(normalizer.pid).peakRssBytes,
        publisher: readProcessStats(publisher.pid).peakRssBytes,
      },
    };
  } finally {
    redis.disconnect();
    await producer.disconnect();
    await reader.disconnect();
    await Promise.all(services.map((s) => s.service.stop()));
  }
}

/**
 * Each article's time from its document's fetch to its arrival. Keys are story
 * uris ending in the item number (`…-<n>`), which names the batch it was sent in.
 */
function latenciesOf(arrivals: Arrival[], sentAt: Map<string, number>, items: number): number[] {
  return arrivals.flatMap(({ key, at }) => {
    const n = Number(/-(\d+)$/.exec(decodeURIComponent(key))?.[1]);
    const batch = Math.floor(n / items / 10) * 10;
    const sent = sentAt.get(String(batch));
    return sent === undefined ? [] : [at - sent];
  });
}
