// What the loop does with a handler's error, against the real broker: a
// transient one is tried again in place, a permanent one is narrowed to the one
// record that fails alone, which goes to the dead-letter topic while the others
// commit, and a configuration error stops the loop with nothing committed.
import { randomUUID } from 'node:crypto';
import { WireError } from '@wire/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { kafkajsOf } from '../src/client.js';
import {
  connectProducer,
  createKafkaClient,
  createPartitionProducers,
  type InputBatch,
  startRecordConsumer,
  startTransactionalBatchConsumer,
} from '../src/index.js';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const prefix = `test-policy-${randomUUID().slice(0, 8)}.`;
const kafka = createKafkaClient({ brokers, clientId: 'failure-policy-test' });

async function topicsWith(name: string, values: string[]) {
  const input = `${prefix}${name}-in`;
  const output = `${prefix}${name}-out`;
  const dlq = `${prefix}${name}-dlq`;
  await kafkajsOf(kafka)
    .admin()
    .createTopics({
      topics: [input, output, dlq].map((topic) => ({ topic, numPartitions: 1 })),
    });
  const producer = await connectProducer(kafka);
  await producer.send(
    input,
    values.map((v) => ({ key: v, value: v, headers: { 'wire-feed-id': `feed-${v}` } })),
  );
  await producer.disconnect();
  return { input, output, dlq };
}

/** Every committed record of the topics, read until `until` holds or `waitMs` pass. */
async function readCommitted(
  topics: string[],
  until: (seen: { topic: string; value: string; headers: Record<string, string> }[]) => boolean,
  waitMs = 30_000,
) {
  const seen: { topic: string; value: string; headers: Record<string, string> }[] = [];
  const consumer = await startRecordConsumer(
    kafka,
    { groupId: `${prefix}reader-${randomUUID()}`, topics, fromBeginning: true },
    async ({ topic, value, headers }) => {
      seen.push({ topic, value: value?.toString() ?? '', headers });
    },
  );
  const deadline = Date.now() + waitMs;
  while (!until(seen) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 1_000));
  await consumer.stop();
  return seen;
}

async function committedOffset(groupId: string, topic: string) {
  const admin = kafkajsOf(kafka).admin();
  await admin.connect();
  const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
  await admin.disconnect();
  return Number(offsets?.partitions[0]?.offset);
}

const values = (batch: InputBatch) => batch.records.map((r) => r.value?.toString() ?? '');

describe("the loop's failure policy against the real broker", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('retries a transient failure in place, and sets aside only the record that fails for good', async () => {
    const { input, output, dlq } = await topicsWith('mixed', ['a', 'b', 'c', 'd']);
    const groupId = `${prefix}mixed-group`;
    const producers = createPartitionProducers(kafka, `${prefix}mixed`);
    cleanups.push(() => producers.disconnect());
    const failures: string[] = [];
    const setAside: string[] = [];
    let transientLeft = 2;
    const consumer = await startTransactionalBatchConsumer(
      kafka,
      {
        groupId,
        topics: [input],
        fromBeginning: true,
        recordsPerTransaction: 4,
        onBatchFailed: (err) => failures.push((err as WireError).code),
        classify: (err) => (err instanceof WireError ? err.kind : 'permanent'),
        deadLetters: { topic: dlq, stage: 'normalizer' },
        onDeadLettered: (record) => setAside.push(record.value?.toString() ?? ''),
        retryDelayMs: () => 50,
      },
      producers,
      async (batch) => {
        if (transientLeft-- > 0) throw new WireError('AWAY', 'transient', 'Redis is loading');
        if (values(batch).includes('c')) throw new WireError('BUG', 'permanent', 'c trips it');
        return { records: new Map([[output, values(batch).map((v) => ({ key: v, value: v }))]]) };
      },
    );
    const seen = await readCommitted([output, dlq], (s) => s.length >= 4);
    await consumer.stop();

    expect(seen.filter((r) => r.topic === output).map((r) => r.value)).toEqual(['a', 'b', 'd']);
    const letters = seen.filter((r) => r.topic === dlq);
    expect(letters.map((r) => r.value)).toEqual(['c']);
    expect(letters[0]?.headers).toMatchObject({
      'wire-feed-id': 'feed-c',
      'wire-dlq-stage': 'normalizer',
      'wire-dlq-reason': 'STAGE_FAILED',
      'wire-dlq-detail': 'BUG: c trips it',
      'wire-dlq-source-topic': input,
      'wire-dlq-source-offset': '2',
    });
    // Two transient failures of the run, then the run with c, then c alone.
    expect(failures).toEqual(['AWAY', 'AWAY', 'BUG', 'BUG']);
    expect(setAside).toEqual(['c']);
    expect(await committedOffset(groupId, input)).toBe(4);
  });

  it('stops on a configuration error with nothing written or committed', async () => {
    const { input, output, dlq } = await topicsWith('denied', ['a', 'b']);
    const groupId = `${prefix}denied-group`;
    const producers = createPartitionProducers(kafka, `${prefix}denied`);
    cleanups.push(() => producers.disconnect());
    const stopped: unknown[] = [];
    const consumer = await startTransactionalBatchConsumer(
      kafka,
      {
        groupId,
        topics: [input],
        fromBeginning: true,
        classify: (err) => (err instanceof WireError ? err.kind : 'permanent'),
        deadLetters: { topic: dlq, stage: 'publisher' },
        onConfigurationError: (err) => stopped.push(err),
      },
      producers,
      async () => {
        throw new WireError('KAFKA_DENIED', 'configuration', 'topic authorization failed');
      },
    );
    const deadline = Date.now() + 30_000;
    while (stopped.length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    await consumer.stop();
    expect((stopped[0] as WireError)?.code).toBe('KAFKA_DENIED');
    expect(await readCommitted([output, dlq], () => false, 5_000)).toEqual([]);
    expect(await committedOffset(groupId, input)).toBeLessThan(0);
  });
});
