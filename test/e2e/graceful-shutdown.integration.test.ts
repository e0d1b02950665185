// SIGTERM for each service while it is at work: it stops intake, finishes what it
// holds, commits, and exits 0 within SHUTDOWN_TIMEOUT_MS; what it committed is
// exactly what it wrote, so its successor neither repeats nor skips anything.
import { createHash } from 'node:crypto';
import {
  type FeedServer,
  type ServiceProcess,
  startFeedServer,
  startServiceProcess,
} from '@wire/cli';
import {
  allTopics,
  connectProducer,
  createKafkaClient,
  createOffsetReader,
  ensureTopics,
  toKafkaHeaders,
  topicCatalogue,
} from '@wire/kafka';
import { connectRedis } from '@wire/redis';
import {
  groupLag,
  pipelineEnv,
  readTopics,
  testBrokers,
  testRedisUrl,
  uniqueNamespace,
  waitUntil,
  writeFeedRegistry,
} from '@wire/testkit';
import { afterAll, describe, expect, it } from 'vitest';

const shutdownTimeoutMs = 10_000;
const itemsPerDocument = 50;
const documents = 40;
const kafka = createKafkaClient({ brokers: testBrokers, clientId: 'shutdown-test' });

function environment(ns: string): Record<string, string> {
  return {
    ...pipelineEnv(ns),
    LOG_LEVEL: 'info',
    SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs),
    KAFKA_SESSION_TIMEOUT_MS: '6000',
  };
}

/** A group's committed offset per partition of a topic (the next offset it would read). */
async function committedOffsets(groupId: string, topic: string): Promise<Map<number, number>> {
  const offsets = createOffsetReader(kafka);
  try {
    const committed = await offsets.committed(groupId, topic);
    return new Map(committed.map((p) => [p.partition, Number(p.offset)]));
  } finally {
    await offsets.close();
  }
}

/** Records of `records` below the committed offsets: what the group says it has done. */
function below(offsets: Map<number, number>, records: { partition: number; offset: string }[]) {
  return records.filter((r) => Number(r.offset) < (offsets.get(r.partition) ?? 0));
}

async function produceRawDocuments(ns: string): Promise<void> {
  const producer = await connectProducer(kafka);
  const raw = topicCatalogue(ns).raw.name;
  for (let d = 0; d < documents; d++) {
    const items = Array.from({ length: itemsPerDocument }, (_, i) => {
      const n = d * itemsPerDocument + i;
      return `<item><title>Item ${n}</title><guid>shutdown-${n}</guid><description>Body ${n}.</description></item>`;
    });
    const body = Buffer.from(
      `<rss version="2.0"><channel><title>t</title>${items.join('')}</channel></rss>`,
    );
    const headers = {
      'wire-feed-id': `feed-${d % 4}`,
      'wire-agency': 'test',
      'wire-url': `http://127.0.0.1/feed-${d % 4}.xml`,
      'wire-fetch-id': `fetch-${d}`,
      'wire-fetched-at': new Date().toISOString(),
      'wire-http-status': '200',
      'wire-content-type': 'application/rss+xml',
      'wire-sha256': createHash('sha256').update(body).digest('hex'),
      'wire-identity': 'guid',
    };
    await producer.send(raw, [
      { key: headers['wire-feed-id'], value: body, headers: toKafkaHeaders(headers) },
    ]);
  }
  await producer.disconnect();
}

/** SIGTERM, then how it ended: exit code, time taken, and whether it said it stopped in time. */
async function terminate(service: ServiceProcess) {
  const started = Date.now();
  const code = await service.stop();
  const ms = Date.now() - started;
  const stoppedInTime = service.logs.some((line) => line.includes('"msg":"stopped"'));
  const tooLong = service.logs.some((line) => line.includes('stop took too long'));
  return { code, ms, stoppedInTime, tooLong };
}

describe('graceful shutdown', () => {
  const running: ServiceProcess[] = [];
  const start = (name: 'ingester' | 'normalizer' | 'publisher', env: Record<string, string>) => {
    const service = startServiceProcess(name, { env });
    running.push(service);
    return service;
  };
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()));
  });

  it('the normalizer commits exactly the documents it wrote, and its successor does the rest once', async () => {
    const ns = uniqueNamespace('shutdown-normalizer');
    const topics = topicCatalogue(ns);
    await ensureTopics(kafka, allTopics(topics));
    await produceRawDocuments(ns);
    const reader = await readTopics(testBrokers, [topics.normalized.name]);
    try {
      const normalizer = start('normalizer', environment(ns));
      await reader.waitFor((r) => r.length >= itemsPerDocument, 60_000);
      const ended = await terminate(normalizer);
      expect(ended).toMatchObject({ code: 0, stoppedInTime: true, tooLong: false });
      expect(ended.ms).toBeLessThan(shutdownTimeoutMs);

      // Everything written is committed and nothing committed is unwritten. The raw
      // topic is not transactional: its offsets count documents.
      const offsets = await committedOffsets(`${ns}wire-normalizer`, topics.raw.name);
      const done = [...offsets.values()].reduce((sum, n) => sum + Math.max(0, n), 0);
      expect(done).toBeGreaterThan(0);
      await reader
        .waitFor((r) => r.length >= done * itemsPerDocument, 20_000)
        .catch(() => reader.records);
      await new Promise((r) => setTimeout(r, 1_000));
      expect(reader.records).toHaveLength(done * itemsPerDocument);

      start('normalizer', environment(ns));
      const all = await reader.waitFor((r) => r.length >= documents * itemsPerDocument, 120_000);
      await new Promise((r) => setTimeout(r, 1_000));
      const ids = all.map((r) => r.headers['wire-event-id']);
      expect(new Set(ids).size).toBe(documents * itemsPerDocument);
      expect(ids).toHaveLength(documents * itemsPerDocument);
    } finally {
      await reader.close();
    }
  });

  it('the publisher commits exactly the events it published, and its successor publishes the rest once', async () => {
    const ns = uniqueNamespace('shutdown-publisher');
    const topics = topicCatalogue(ns);
    await ensureTopics(kafka, allTopics(topics));
    await produceRawDocuments(ns);
    // The normalized topic first, whole; then the publisher alone on it.
    const normalizer = start('normalizer', environment(ns));
    await waitUntil(
      async () => (await groupLag(testBrokers, `${ns}wire-normalizer`, topics.raw.name)) === 0,
      {
        timeoutMs: 120_000,
        what: 'the normalizer to drain',
      },
    );
    await normalizer.stop();

    const input = await readTopics(testBrokers, [topics.normalized.name]);
    const reader = await readTopics(testBrokers, [topics.articles.name]);
    try {
      await input.waitFor((r) => r.length >= documents * itemsPerDocument, 60_000);
      const publisher = start('publisher', environment(ns));
      await reader.waitFor((r) => r.length >= 1, 60_000);
      const ended = await terminate(publisher);
      expect(ended).toMatchObject({ code: 0, stoppedInTime: true, tooLong: false });
      expect(ended.ms).toBeLessThan(shutdownTimeoutMs);

      // wire.normalized.v1 is written in transactions: its offsets also count
      // transaction markers, so what is done is the records below the offsets.
      const offsets = await committedOffsets(`${ns}wire-publisher`, topics.normalized.name);
      const done = below(offsets, input.records).length;
      expect(done).toBeGreaterThan(0);
      await reader.waitFor((r) => r.length >= done, 20_000).catch(() => reader.records);
      await new Promise((r) => setTimeout(r, 1_000));
      expect(reader.records).toHaveLength(done);

      start('publisher', environment(ns));
      const all = await reader.waitFor((r) => r.length >= documents * itemsPerDocument, 120_000);
      await new Promise((r) => setTimeout(r, 1_000));
      const ids = all.map((r) => r.headers.ce_id);
      expect(new Set(ids).size).toBe(documents * itemsPerDocument);
      expect(ids).toHaveLength(documents * itemsPerDocument);
    } finally {
      await input.close();
      await reader.close();
    }
  });

  it('the ingester finishes the polls in flight, hands its leases back and keeps state and topic in step', async () => {
    const ns = uniqueNamespace('shutdown-ingester');
    const topics = topicCatalogue(ns);
    await ensureTopics(kafka, allTopics(topics));
    // Slow answers, so polls are in flight when SIGTERM comes.
    const feeds: FeedServer = await startFeedServer({ faults: { latencyMs: 1_500 } });
    const paths = Array.from({ length: 12 }, (_, i) => `/feed-${i}.xml`);
    for (const [i, path] of paths.entries()) {
      feeds.set(path, {
        body: Buffer.from(
          `<rss version="2.0"><channel><title>${i}</title><item><guid>g${i}</guid><title>T${i}</title></item></channel></rss>`,
        ),
        etag: `"${i}"`,
      });
    }
    const registry = writeFeedRegistry(
      ns,
      paths.map((path, i) => ({
        id: `feed-${i}`,
        agency: 'test',
        url: feeds.url(path),
        intervalSeconds: 60,
      })),
    );
    const redis = await connectRedis({ url: testRedisUrl, failFast: true });
    const reader = await readTopics(testBrokers, [topics.raw.name]);
    try {
      const ingester = start('ingester', { ...environment(ns), FEEDS_FILE: registry });
      await waitUntil(() => paths.some((path) => feeds.requests(path) > 0), {
        timeoutMs: 60_000,
        what: 'the first poll',
      });
      const ended = await terminate(ingester);
      expect(ended).toMatchObject({ code: 0, stoppedInTime: true, tooLong: false });
      expect(ended.ms).toBeLessThan(shutdownTimeoutMs);
      // It waited for the answers it had asked for: every request got its document out.
      const asked = paths.filter((path) => feeds.requests(path) > 0).length;
      await reader.waitFor((r) => r.length >= asked, 20_000);
      expect(reader.records).toHaveLength(asked);
      expect(await redis.keys(`${ns}lease:*`)).toEqual([]);
      // The state of each published feed names the document on the topic, so a
      // successor asks with its ETag and publishes nothing twice.
      for (const record of reader.records) {
        const etag = await redis.hget(`${ns}feed:${record.headers['wire-feed-id']}`, 'etag');
        expect(etag).toBe(record.headers['wire-etag']);
      }
    } finally {
      await reader.close();
      await redis.quit();
      await feeds.close();
    }
  });
});
