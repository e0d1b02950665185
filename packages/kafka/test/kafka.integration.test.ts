import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { kafkajsOf } from '../src/client.js';
import {
  allTopics,
  connectProducer,
  connectTransactionalProducer,
  createKafkaClient,
  createPartitionProducers,
  ensureTopics,
  startRecordConsumer,
  startTransactionalBatchConsumer,
  topicCatalogue,
} from '../src/index.js';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const prefix = `test-kafka-${randomUUID().slice(0, 8)}.`;
const kafka = createKafkaClient({ brokers, clientId: 'kafka-adapter-test' });
const topics = topicCatalogue(prefix);

/** Another process's transactional producer, driven by hand: kafkajs itself. */
async function rawTransactionalProducer(transactionalId: string) {
  const producer = kafkajsOf(kafka).producer({
    transactionalId,
    idempotent: true,
    maxInFlightRequests: 1,
  });
  await producer.connect();
  return producer;
}

describe('the Kafka adapter against the real broker', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('creates every topic of the catalogue with its settings, once', async () => {
    const created = await ensureTopics(kafka, allTopics(topics));
    expect(created.sort()).toEqual(
      allTopics(topics)
        .map((t) => t.name)
        .sort(),
    );
    expect(await ensureTopics(kafka, allTopics(topics))).toEqual([]);

    const admin = kafkajsOf(kafka).admin();
    await admin.connect();
    cleanups.push(() => admin.disconnect());
    const metadata = await admin.fetchTopicMetadata({ topics: [topics.raw.name] });
    expect(metadata.topics[0]?.partitions).toHaveLength(topics.raw.partitions);
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [topics.latest.name, topics.raw.name].map((name) => ({
        type: ConfigResourceTypes.TOPIC,
        name,
      })),
    });
    const config = (topic: string, name: string) =>
      described.resources
        .find((r) => r.resourceName === topic)
        ?.configEntries.find((e) => e.configName === name)?.configValue;
    expect(config(topics.latest.name, 'cleanup.policy')).toBe('compact');
    expect(config(topics.raw.name, 'cleanup.policy')).toBe('delete');
    expect(config(topics.raw.name, 'max.message.bytes')).toBe(
      topics.raw.config['max.message.bytes'],
    );
  });

  it('accepts a raw document larger than the broker default of 1 MiB', async () => {
    const producer = await connectProducer(kafka);
    cleanups.push(() => producer.disconnect());
    await expect(
      producer.send(topics.raw.name, [{ key: 'big', value: Buffer.alloc(3 * 1024 * 1024, 120) }]),
    ).resolves.toBeUndefined();
  });

  it('commits an offset only after the handler finished, so a failed record comes again', async () => {
    const producer = await connectProducer(kafka);
    cleanups.push(() => producer.disconnect());
    const topic = topics.normalized.name;
    await producer.send(topic, [
      { key: 'same-partition', value: 'one' },
      { key: 'same-partition', value: 'two' },
    ]);

    const groupId = `${prefix}group`;
    const seen: string[] = [];
    let failOnce = true;
    const consumer = await startRecordConsumer(
      kafka,
      { groupId, topics: [topic] },
      async (record) => {
        const value = record.value?.toString() ?? '';
        seen.push(value);
        if (value === 'two' && failOnce) {
          failOnce = false;
          throw new Error('handler failed');
        }
      },
    );
    const deadline = Date.now() + 30_000;
    while (seen.filter((v) => v === 'two').length < 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await consumer.stop();
    expect(seen).toEqual(['one', 'two', 'two']);

    const admin = kafkajsOf(kafka).admin();
    await admin.connect();
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    await admin.disconnect();
    const committed = offsets?.partitions.reduce(
      (sum, p) => sum + Math.max(0, Number(p.offset)),
      0,
    );
    expect(committed).toBe(2);
  });

  it('hides an aborted transaction from read_committed readers', async () => {
    const producer = await connectTransactionalProducer(kafka, `${prefix}tx`);
    cleanups.push(() => producer.disconnect());
    const topic = topics.articles.name;
    // The first request is written, the second refused (over the topic's 1 MiB):
    // the transaction aborts, and the first request's record must stay unseen.
    await expect(
      producer.commitTransaction({
        records: new Map([
          [
            topic,
            [
              { key: 'k', value: 'aborted' },
              { key: 'k', value: Buffer.alloc(2 * 1024 * 1024) },
            ],
          ],
        ]),
      }),
    ).rejects.toThrow();
    await producer.commitTransaction({
      records: new Map([[topic, [{ key: 'k', value: 'committed' }]]]),
    });

    const seen: string[] = [];
    const consumer = await startRecordConsumer(
      kafka,
      { groupId: `${prefix}reader`, topics: [topic] },
      async ({ value }) => {
        seen.push(value?.toString() ?? '');
      },
    );
    const deadline = Date.now() + 30_000;
    while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    await consumer.stop();
    expect(seen).toEqual(['committed']);
  });

  it("fences a paused instance's transaction once another took its partition over", async () => {
    const stem = `${prefix}fence`;
    // The zombie is another process with the producer the loop opens for its partition.
    const zombie = await rawTransactionalProducer(`${stem}-input-3`);
    const successor = createPartitionProducers(kafka, stem);
    cleanups.push(
      () => zombie.disconnect(),
      () => successor.disconnect(),
    );
    const topic = topics.latest.name;
    const paused = Promise.withResolvers<void>();
    const resumed = Promise.withResolvers<void>();
    // The zombie is inside its transaction when it stops, as SIGSTOP would leave it.
    const zombieWork = (async () => {
      const tx = await zombie.transaction();
      await tx.send({ topic, messages: [{ key: 'k', value: 'from the zombie' }] });
      paused.resolve();
      await resumed.promise;
      await tx.commit();
    })();
    const zombieEnd = zombieWork.then(
      () => 'committed',
      () => 'fenced',
    );
    await paused.promise;
    // Its partition goes to another instance, whose producer has the same transactional id.
    await (await successor.forPartition('input', 3)).commitTransaction({
      records: new Map([[topic, [{ key: 'k', value: 'from the successor' }]]]),
    });
    resumed.resolve();
    expect(await zombieEnd).toBe('fenced');

    const seen: string[] = [];
    const consumer = await startRecordConsumer(
      kafka,
      { groupId: `${prefix}fence-reader`, topics: [topic] },
      async ({ value }) => {
        seen.push(value?.toString() ?? '');
      },
    );
    const deadline = Date.now() + 30_000;
    while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    await consumer.stop();
    expect(seen).toEqual(['from the successor']);
  });

  it('goes on from the committed offset when a transaction that committed reports a failure', async () => {
    const input = `${prefix}ambiguous-in`;
    const output = topics.articles.name;
    await kafkajsOf(kafka)
      .admin()
      .createTopics({ topics: [{ topic: input, numPartitions: 1 }] });
    const producer = await connectProducer(kafka);
    await producer.send(
      input,
      ['a', 'b', 'c', 'd'].map((v) => ({ key: v, value: v })),
    );
    await producer.disconnect();

    // The broker commits the first transaction, then the answer is lost.
    const real = createPartitionProducers(kafka, `${prefix}ambiguous`);
    let lostAnswers = 0;
    const producers = {
      async forPartition(topic: string, partition: number) {
        const inner = await real.forPartition(topic, partition);
        return {
          async commitTransaction(content: Parameters<typeof inner.commitTransaction>[0]) {
            await inner.commitTransaction(content);
            if (lostAnswers++ === 0) throw new Error('the broker went away before it answered');
          },
          disconnect: () => inner.disconnect(),
        };
      },
      reopen: (topic: string, partition: number) => real.reopen(topic, partition),
      disconnect: () => real.disconnect(),
    };
    const handled: string[] = [];
    const done: string[] = [];
    const failures: unknown[] = [];
    const consumer = await startTransactionalBatchConsumer(
      kafka,
      {
        groupId: `${prefix}ambiguous-group`,
        topics: [input],
        recordsPerTransaction: 2,
        onBatchFailed: (err) => failures.push(err),
      },
      producers,
      async ({ records }) => {
        const values = records.map((r) => r.value?.toString() ?? '');
        handled.push(...values);
        return {
          records: new Map([[output, values.map((v) => ({ key: v, value: v }))]]),
          afterCommit: async () => {
            done.push(...values);
          },
        };
      },
    );
    cleanups.push(() => real.disconnect());
    const deadline = Date.now() + 60_000;
    while (done.length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 2_000));
    await consumer.stop();
    // a and b committed with the first transaction: nobody does them again, and the
    // work owed after their commit ran once it was known to have committed.
    expect(failures).toHaveLength(1);
    expect(handled).toEqual(['a', 'b', 'c', 'd']);
    expect(done).toEqual(['a', 'b', 'c', 'd']);
  });
  it('settles a partition it was just given before its first batch', async () => {
    const input = `${prefix}handover-in`;
    const output = `${prefix}handover-out`;
    const groupId = `${prefix}handover-group`;
    const stem = `${prefix}handover`;
    await kafkajsOf(kafka)
      .admin()
      .createTopics({
        topics: [input, output].map((topic) => ({ topic, numPartitions: 1 })),
      });
    const producer = await connectProducer(kafka);
    await producer.send(
      input,
      ['a', 'b', 'c', 'd'].map((v) => ({ key: v, value: v })),
    );
    await producer.disconnect();

    // The partition's previous owner did a and b, and its commit is still under way.
    // It is another process, with the producer the loop opens for that partition.
    const predecessor = await rawTransactionalProducer(`${stem}-${input}-0`);
    cleanups.push(() => predecessor.disconnect());
    const gate = Promise.withResolvers<void>();
    const predecessorDone = (async () => {
      const tx = await predecessor.transaction();
      await tx.send({
        topic: output,
        messages: ['a', 'b'].map((v) => ({ key: v, value: v })),
      });
      await tx.sendOffsets({
        consumerGroupId: groupId,
        topics: [{ topic: input, partitions: [{ partition: 0, offset: '2' }] }],
      });
      await gate.promise;
      await tx.commit();
    })();
    // It lands after the new owner read the group's offsets, before it writes anything.
    const real = createPartitionProducers(kafka, stem);
    cleanups.push(() => real.disconnect());
    let landed = false;
    const landPredecessor = async () => {
      if (landed) return;
      landed = true;
      gate.resolve();
      await predecessorDone;
    };
    const producers = {
      async forPartition(topic: string, partition: number) {
        await landPredecessor();
        return real.forPartition(topic, partition);
      },
      async reopen(topic: string, partition: number) {
        await landPredecessor();
        await real.reopen(topic, partition);
      },
      disconnect: () => real.disconnect(),
    };
    const consumer = await startTransactionalBatchConsumer(
      kafka,
      { groupId, topics: [input] },
      producers,
      async ({ records }) => ({
        records: new Map([
          [output, records.map((r) => ({ key: r.key, value: r.value?.toString() ?? '' }))],
        ]),
      }),
    );
    const seen: string[] = [];
    const reader = await startRecordConsumer(
      kafka,
      { groupId: `${prefix}handover-reader`, topics: [output] },
      async ({ value }) => {
        seen.push(value?.toString() ?? '');
      },
    );
    const deadline = Date.now() + 60_000;
    while (seen.length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 2_000));
    await consumer.stop();
    await reader.stop();
    // Every record's output exactly once: the new owner went on from the settled offset.
    expect(seen.sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});
