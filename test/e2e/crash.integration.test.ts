// kill -9 the normalizer and the publisher at random moments while 5,000 distinct
// items flow from wire.raw.v1, restart them, then prove from the public topic,
// read as a newsroom would (read_committed), that every item arrived exactly once.
// Sizes: CRASH_ITEMS (5000) and CRASH_FAULTS (6).
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
  numberedItemsFeed,
  pipelineEnv,
  rawFetchRecord,
  readTopics,
  testBrokers,
  uniqueNamespace,
  waitUntil,
} from '@wire/testkit';
import { afterAll, describe, expect, it } from 'vitest';

const itemsWanted = Number(process.env.CRASH_ITEMS ?? 5_000);
const faultsWanted = Number(process.env.CRASH_FAULTS ?? 6);
const itemsPerDocument = 100;
// One time for every item: the stories are new, none a version of another.
const pubDate = 'Fri, 03 Feb 2023 07:31:00 +0900';
const ns = uniqueNamespace('crash');
const topics = topicCatalogue(ns);

const env = {
  ...pipelineEnv(ns),
  LOG_LEVEL: 'warn',
  // A killed instance's claims and group membership should not hold the test up for long.
  CLAIM_PENDING_TTL_MS: '2000',
  KAFKA_SESSION_TIMEOUT_MS: '6000',
};

describe('crashes of the normalizer and the publisher', () => {
  const running = new Map<ServiceName, ServiceProcess>();
  const start = (name: ServiceName) => running.set(name, startServiceProcess(name, { env }));

  afterAll(async () => {
    await Promise.all([...running.values()].map((s) => s.stop()));
  });

  it('lose no item and repeat none, whatever is killed when', async () => {
    const kafka = createKafkaClient({ brokers: testBrokers, clientId: 'crash-test' });
    await ensureTopics(kafka, allTopics(topics));
    const producer = await connectProducer(kafka);
    const documents = Math.ceil(itemsWanted / itemsPerDocument);
    for (let d = 0; d < documents; d++) {
      const body = numberedItemsFeed('crash', d * itemsPerDocument, itemsPerDocument, pubDate);
      const { key, value, headers } = rawFetchRecord(
        `crash-feed-${d % 5}`,
        `fetch-${d}`,
        body,
        'crash',
      );
      await producer.send(topics.raw.name, [{ key, value, headers: toKafkaHeaders(headers) }]);
    }
    await producer.disconnect();

    const reader = await readTopics(testBrokers, [topics.normalized.name, topics.articles.name]);
    const count = (topic: string) => reader.records.filter((r) => r.topic === topic).length;
    const output: Record<ServiceName, string> = {
      normalizer: topics.normalized.name,
      publisher: topics.articles.name,
      ingester: topics.raw.name,
    };
    const input: Record<ServiceName, string> = {
      normalizer: topics.raw.name,
      publisher: topics.normalized.name,
      ingester: topics.raw.name,
    };
    const groupOf: Record<ServiceName, string> = {
      normalizer: `${ns}wire-normalizer`,
      publisher: `${ns}wire-publisher`,
      ingester: `${ns}wire-ingester`,
    };
    start('normalizer');
    start('publisher');
    let faults = 0;
    try {
      // Each fault lands while its victim is at work: once its output has grown
      // since it (re)started, after a random moment more.
      while (faults < faultsWanted) {
        const victim: ServiceName = faults % 2 === 0 ? 'normalizer' : 'publisher';
        const before = count(output[victim]);
        // A stage that already worked through all its input makes no more progress:
        // the fault then lands while it idles, which it must survive too.
        await waitUntil(
          async () =>
            count(output[victim]) > before ||
            (await groupLag(testBrokers, groupOf[victim], input[victim])) === 0,
          { timeoutMs: 60_000, what: `${victim} to make progress or finish its input` },
        );
        await new Promise((r) => setTimeout(r, Math.random() * 400));
        const process = running.get(victim);
        process?.signal('SIGKILL');
        await process?.exited;
        faults++;
        start(victim);
      }
      await waitUntil(
        async () =>
          (await groupLag(testBrokers, groupOf.normalizer, input.normalizer)) === 0 &&
          (await groupLag(testBrokers, groupOf.publisher, input.publisher)) === 0,
        { timeoutMs: 300_000, what: 'the pipeline to drain after the faults' },
      );
      await reader
        .waitFor(() => count(topics.articles.name) >= documents * itemsPerDocument, 60_000)
        .catch(() => reader.records);
      await new Promise((r) => setTimeout(r, 2_000));
    } finally {
      await reader.close();
    }

    const expected = documents * itemsPerDocument;
    const events = reader.records.filter((r) => r.topic === topics.articles.name);
    const ids = events.map((r) => r.headers.ce_id);
    const keys = new Set(events.map((r) => r.key));
    const lost = expected - keys.size;
    const duplicated = ids.length - new Set(ids).size;
    console.log(
      `crash: items=${expected} revisions=${expected} faults=${faults} lost=${lost} duplicated=${duplicated}`,
    );
    expect(faults).toBe(faultsWanted);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(events).toHaveLength(expected);
  });
});
