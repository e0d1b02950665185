// SIGSTOP an instance of the normalizer or the publisher while it works, beside a
// second instance of the same stage, for longer than its session: its partitions
// move to the other instance, which redoes what the paused one had not
// committed; then SIGCONT, and the paused one (a zombie until it rejoins) must
// not commit what it was doing. 5,000 items, each on the public topic exactly
// once at the end (read_committed). The broker and Redis are left alone.
// KAFKA_CLIENT (kafkajs, the default, or platformatic) is the services' Kafka
// library: kafkajs fences the zombie with the partition's transactional id,
// platformatic with the group generation of its offsets (KIP-447).
// Sizes: PAUSE_ITEMS (5000) and PAUSE_FAULTS (4).
import { createHash } from 'node:crypto';
import { type ServiceName, type ServiceProcess, startServiceProcess } from '@wire/cli';
import {
  allTopics,
  connectProducer,
  createKafkaClient,
  ensureTopics,
  toKafkaHeaders,
  topicCatalogue,
} from '@wire/kafka';
import {
  groupLag,
  pipelineEnv,
  readTopics,
  testBrokers,
  testKafkaClient,
  uniqueNamespace,
  waitUntil,
} from '@wire/testkit';
import { afterAll, describe, expect, it } from 'vitest';

const itemsWanted = Number(process.env.PAUSE_ITEMS ?? 5_000);
const faultsWanted = Number(process.env.PAUSE_FAULTS ?? 4);
const itemsPerDocument = 100;
const sessionTimeoutMs = 6_000;
const ns = uniqueNamespace('pause');
const topics = topicCatalogue(ns);

function document(index: number): Buffer {
  const items = Array.from({ length: itemsPerDocument }, (_, i) => {
    const n = index * itemsPerDocument + i;
    return `<item><title>Item ${n}</title><guid>pause-${n}</guid><description>Body of item ${n}.</description><pubDate>Fri, 03 Feb 2023 07:31:00 +0900</pubDate></item>`;
  });
  return Buffer.from(
    `<rss version="2.0"><channel><title>pause</title>${items.join('')}</channel></rss>`,
  );
}

const env = {
  ...pipelineEnv(ns),
  LOG_LEVEL: 'warn',
  CLAIM_PENDING_TTL_MS: '2000',
  KAFKA_SESSION_TIMEOUT_MS: String(sessionTimeoutMs),
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('instances of the normalizer and the publisher paused past their session', () => {
  const running = new Map<string, ServiceProcess>();
  const start = (name: string) => {
    const service = name.replace(/-\d$/, '') as ServiceName;
    running.set(name, startServiceProcess(service, { env: { ...env, INSTANCE_ID: name } }));
  };

  afterAll(async () => {
    for (const child of running.values()) child.signal('SIGCONT');
    await Promise.all([...running.values()].map((s) => s.stop()));
  });

  it('lose no item and repeat none, whichever instance is paused when', {
    timeout: 600_000,
  }, async () => {
    const kafka = createKafkaClient({ brokers: testBrokers, clientId: 'pause-test' });
    await ensureTopics(kafka, allTopics(topics));
    const producer = await connectProducer(kafka);
    const documents = Math.ceil(itemsWanted / itemsPerDocument);
    for (let d = 0; d < documents; d++) {
      const body = document(d);
      const headers = {
        'wire-feed-id': `pause-feed-${d % 12}`,
        'wire-agency': 'pause',
        'wire-url': `http://127.0.0.1/feed-${d % 12}.xml`,
        'wire-fetch-id': `fetch-${d}`,
        'wire-fetched-at': new Date().toISOString(),
        'wire-http-status': '200',
        'wire-content-type': 'application/rss+xml',
        'wire-sha256': createHash('sha256').update(body).digest('hex'),
        'wire-identity': 'guid',
      };
      await producer.send(topics.raw.name, [
        { key: headers['wire-feed-id'], value: body, headers: toKafkaHeaders(headers) },
      ]);
    }
    await producer.disconnect();

    const reader = await readTopics(testBrokers, [topics.normalized.name, topics.articles.name]);
    const count = (topic: string) => reader.records.filter((r) => r.topic === topic).length;
    const stage = {
      normalizer: { output: topics.normalized.name, input: topics.raw.name },
      publisher: { output: topics.articles.name, input: topics.normalized.name },
    };
    const groupOf = (name: 'normalizer' | 'publisher') => `${ns}wire-${name}`;
    for (const name of ['normalizer-1', 'normalizer-2', 'publisher-1', 'publisher-2']) start(name);
    const faults: string[] = [];
    try {
      while (faults.length < faultsWanted) {
        const victim = faults.length % 2 === 0 ? 'normalizer' : 'publisher';
        const before = count(stage[victim].output);
        await waitUntil(
          async () =>
            count(stage[victim].output) > before ||
            (await groupLag(testBrokers, groupOf(victim), stage[victim].input)) === 0,
          { timeoutMs: 90_000, what: `${victim} to make progress or finish its input` },
        );
        await sleep(Math.random() * 400);
        const name = `${victim}-${1 + Math.floor(Math.random() * 2)}`;
        const child = running.get(name);
        child?.signal('SIGSTOP');
        // Past the session: the group gives its partitions to the other instance.
        await sleep(sessionTimeoutMs + 1_000 + Math.random() * 3_000);
        child?.signal('SIGCONT');
        faults.push(`pause ${name}`);
      }
      await waitUntil(
        async () =>
          (await groupLag(testBrokers, groupOf('normalizer'), stage.normalizer.input)) === 0 &&
          (await groupLag(testBrokers, groupOf('publisher'), stage.publisher.input)) === 0,
        { timeoutMs: 300_000, what: 'the pipeline to drain after the pauses' },
      );
      await reader
        .waitFor(() => count(topics.articles.name) >= documents * itemsPerDocument, 60_000)
        .catch(() => reader.records);
      await sleep(2_000);
    } finally {
      await reader.close();
    }

    const expected = documents * itemsPerDocument;
    const events = reader.records.filter((r) => r.topic === topics.articles.name);
    const ids = events.map((r) => r.headers.ce_id);
    const lost = expected - new Set(events.map((r) => r.key)).size;
    const duplicated = ids.length - new Set(ids).size;
    console.log(`pause faults: ${faults.join(', ')}`);
    // How often a run's transaction failed, per instance (a zombie's refused commit among them).
    const failedRuns = [...running].map(([name, child]) => {
      const lines = child.logs.filter((l) => l.includes('"batch failed"'));
      const why = lines.map((l) => /"message":"([^"]{0,160})/.exec(l)?.[1] ?? '?');
      return `${name}=${lines.length}${why.length > 0 ? ` (${[...new Set(why)].join('; ')})` : ''}`;
    });
    console.log(`pause failed runs: ${failedRuns.join(' ')}`);
    console.log(
      `pause: client=${testKafkaClient} items=${expected} faults=${faults.length} lost=${lost} duplicated=${duplicated}`,
    );
    expect(faults).toHaveLength(faultsWanted);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(events).toHaveLength(expected);
    // Every instance lived through it: a zombie is refused, it does not exit.
    for (const [name, child] of running) {
      const exited = await Promise.race([
        child.exited.then(() => true),
        sleep(0).then(() => false),
      ]);
      expect(exited, name).toBe(false);
    }
  });
});
