// The Kafka adapter against the real broker. The contract of the shared
// interface (producers, the exactly-once loop, settling) runs once per library
// (kafkajs, @platformatic/kafka); what only kafkajs does for both (topics, the
// plain readers) runs once.
import { randomUUID } from 'node:crypto';
import { Consumer, Producer } from '@platformatic/kafka';
import { ConfigResourceTypes } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { kafkajsOf, platformaticOptions } from '../src/client.js';
import {
  allTopics,
  connectProducer,
  connectTransactionalProducer,
  createKafkaClient,
  createPartitionProducers,
  createTransactionalProducers,
  ensureTopics,
  type PartitionProducers,
  startRecordConsumer,
  startTransactionalBatchConsumer,
  type TransactionContent,
  topicCatalogue,
} from '../src/index.js';
import {
  brokers,
  clientsFor,
  committedOffset,
  readCommitted,
  sleep,
  topicsWith,
  waitFor,
} from './contract.js';

const prefix = `test-kafka-${randomUUID().slice(0, 8)}.`;
const kafka = createKafkaClient({ brokers, clientId: 'kafka-adapter-test' });
const topics = topicCatalogue(prefix);
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

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

const values = (records: { value: Buffer | null }[]) =>
  records.map((r) => r.value?.toString() ?? '');
const output = (topic: string, list: string[]) =>
  new Map([[topic, list.map((v) => ({ key: v, value: v }))]]);

describe('the Kafka adapter against the real broker', () => {
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

  it('commits a plain reader\u2019s offset only after its handler finished', async () => {
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
    await waitFor(() => seen.filter((v) => v === 'two').length >= 2);
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

  it('sends a key to the same partition whichever library wrote it', async () => {
    const topic = `${prefix}keys`;
    await kafkajsOf(kafka)
      .admin()
      .createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 6 }] });
    const keys = Array.from({ length: 40 }, (_, i) => `feed-${i}-${randomUUID().slice(0, 4)}`);
    for (const [library, client] of clientsFor('keys')) {
      const producer = await connectProducer(client);
      await producer.send(
        topic,
        keys.map((key) => ({ key, value: library })),
      );
      await producer.disconnect();
    }
    const seen = await readCommitted(kafka, [topic], (s) => s.length >= keys.length * 2);
    const partitionsOf = (library: string) =>
      seen.filter((r) => r.value === library).map((r) => r.partition);
    expect(seen).toHaveLength(keys.length * 2);
    expect(new Set(partitionsOf('kafkajs')).size).toBeGreaterThan(1);
    const byKey = (library: string) =>
      Object.fromEntries(seen.filter((r) => r.value === library).map((r) => [r.key, r.partition]));
    expect(byKey('platformatic')).toEqual(byKey('kafkajs'));
  });
});

describe.each(clientsFor('kafka-contract'))('the Kafka contract with %s', (library, client) => {
  const ns = `${prefix}${library}.`;
  const loopProducers = (name: string, instance = 'instance-a') =>
    createTransactionalProducers(client, `${ns}${name}`, instance);

  it('accepts a raw document larger than the broker default of 1 MiB', async () => {
    await ensureTopics(kafka, [topics.raw]);
    const producer = await connectProducer(client);
    cleanups.push(() => producer.disconnect());
    await expect(
      producer.send(topics.raw.name, [{ key: 'big', value: Buffer.alloc(3 * 1024 * 1024, 120) }]),
    ).resolves.toBeUndefined();
  });

  it('commits a run and its offsets only after its handler finished; a failed run comes again', async () => {
    const input = `${ns}after-in`;
    const out = `${ns}after-out`;
    const groupId = `${ns}after-group`;
    await topicsWith(client, [input, out], ['a', 'b', 'c', 'd']);
    const producers = loopProducers('after');
    cleanups.push(() => producers.disconnect());
    const handled: string[] = [];
    const committedWhenHandled: number[] = [];
    let failOnce = true;
    const consumer = await startTransactionalBatchConsumer(
      client,
      { groupId, topics: [input], recordsPerTransaction: 2, retryDelayMs: () => 50 },
      producers,
      async ({ records }) => {
        committedWhenHandled.push(await committedOffset(client, groupId, input));
        handled.push(...values(records));
        if (values(records).includes('c') && failOnce) {
          failOnce = false;
          throw new Error('handler failed');
        }
        return { records: output(out, values(records)) };
      },
    );
    const seen = await readCommitted(client, [out], (s) => s.length >= 4);
    await consumer.stop();
    expect(seen.map((r) => r.value)).toEqual(['a', 'b', 'c', 'd']);
    expect(handled).toEqual(['a', 'b', 'c', 'd', 'c', 'd']);
    // Nothing committed before a and b were handled; c and d's failure committed nothing.
    expect(committedWhenHandled).toEqual([-1, 2, 2]);
    expect(await committedOffset(client, groupId, input)).toBe(4);
  });

  it("handles the next run while the last run's after-commit work goes on, and commits it only after that work ended", async () => {
    const input = `${ns}overlap-in`;
    const out = `${ns}overlap-out`;
    const groupId = `${ns}overlap-group`;
    await topicsWith(client, [input, out], ['a', 'b', 'c', 'd', 'e', 'f']);
    const producers = loopProducers('overlap');
    cleanups.push(() => producers.disconnect());
    const events: string[] = [];
    const committedAtEnd: number[] = [];
    const handled: string[] = [];
    let failOnce = true;
    const consumer = await startTransactionalBatchConsumer(
      client,
      { groupId, topics: [input], recordsPerTransaction: 2, retryDelayMs: () => 50 },
      producers,
      async ({ records }) => {
        const run = values(records).join('');
        handled.push(...values(records));
        events.push(`handle ${run}`);
        return {
          records: output(out, values(records)),
          afterCommit: async () => {
            events.push(`after ${run}`);
            await sleep(500);
            // Its own run committed; the next one, handled meanwhile, not yet.
            committedAtEnd.push(await committedOffset(client, groupId, input));
            events.push(`after ${run} done`);
            if (run === 'cd' && failOnce) {
              failOnce = false;
              throw new Error('after-commit work failed');
            }
          },
        };
      },
    );
    await waitFor(() => events.includes('after ef done'), 60_000);
    await consumer.stop();
    // The run after ab was handled before ab's after-commit work ended.
    expect(events.indexOf('handle cd')).toBeLessThan(events.indexOf('after ab done'));
    expect(committedAtEnd.slice(0, 2)).toEqual([2, 4]);
    // cd's failed work failed ef's commit: ef came again, and was written once.
    expect(handled).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'e', 'f']);
    const seen = await readCommitted(client, [out], (s) => s.length >= 6);
    expect(seen.map((r) => r.value)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(await committedOffset(client, groupId, input)).toBe(6);
  });

  it('hides aborted transactions from read_committed readers, its own loop included', async () => {
    const topic = `${ns}aborts`;
    await topicsWith(client, [topic]);
    const producer = await connectTransactionalProducer(client, `${ns}tx`);
    cleanups.push(() => producer.disconnect());
    const write = (records: TransactionContent['records']) =>
      producer.commitTransaction({ records });
    await write(new Map([[topic, [{ key: 'k', value: 'one' }]]]));
    // Twice by the same producer: the first request is written, the second refused
    // (over the topic's 1 MiB), the transaction aborts, and the first request's
    // record must stay unseen.
    for (const aborted of ['aborted', 'aborted again']) {
      await expect(
        write(
          new Map([
            [
              topic,
              [
                { key: 'k', value: aborted },
                { key: 'k', value: Buffer.alloc(2 * 1024 * 1024) },
              ],
            ],
          ]),
        ),
      ).rejects.toThrow();
    }
    await write(new Map([[topic, [{ key: 'k', value: 'two' }]]]));

    const seen = await readCommitted(client, [topic], (s) => s.length >= 2);
    expect(seen.map((r) => r.value)).toEqual(['one', 'two']);

    const producers = loopProducers('aborts-loop');
    cleanups.push(() => producers.disconnect());
    const looped: string[] = [];
    const loop = await startTransactionalBatchConsumer(
      client,
      { groupId: `${ns}aborts-loop`, topics: [topic] },
      producers,
      async ({ records }) => {
        looped.push(...values(records));
        return { records: new Map() };
      },
    );
    await waitFor(() => looped.length >= 2);
    await sleep(1_000);
    await loop.stop();
    expect(looped).toEqual(['one', 'two']);
  });

  if (library === 'kafkajs') {
    it("fences a paused instance's transaction once another took its partition over", async () => {
      const stem = `${ns}fence`;
      // The zombie is another process with the producer the loop opens for its partition.
      const zombie = await rawTransactionalProducer(`${stem}-input-3`);
      const successor = createPartitionProducers(client, stem);
      cleanups.push(
        () => zombie.disconnect(),
        () => successor.disconnect(),
      );
      const topic = `${ns}fence-out`;
      await topicsWith(client, [topic]);
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

      const seen = await readCommitted(client, [topic], (s) => s.length >= 1);
      expect(seen.map((r) => r.value)).toEqual(['from the successor']);
    });

    it('ends the transaction its id left under way when it opens a partition producer again', async () => {
      // Settling a failed commit opens the partition's producer again and then reads
      // the group's offset (kafkajs reads it without require_stable): the transaction
      // the id left must be over, committed or aborted, before that read.
      const stem = `${ns}reopen`;
      const input = `${ns}reopen-in`;
      const out = `${ns}reopen-out`;
      const groupId = `${ns}reopen-group`;
      await topicsWith(client, [input, out], ['a']);
      const earlier = await rawTransactionalProducer(`${stem}-${input}-0`);
      const producers = createPartitionProducers(client, stem);
      cleanups.push(
        () => earlier.disconnect(),
        () => producers.disconnect(),
      );
      const tx = await earlier.transaction();
      await tx.send({ topic: out, messages: [{ key: 'a', value: 'a' }] });
      await tx.sendOffsets({
        consumerGroupId: groupId,
        topics: [{ topic: input, partitions: [{ partition: 0, offset: '1' }] }],
      });
      await producers.reopen(input, 0);
      await expect(tx.commit()).rejects.toThrow();
      expect(await committedOffset(client, groupId, input)).toBe(-1);
    });
  } else {
    it('refuses the offsets of a paused instance whose generation is over (KIP-447)', async () => {
      const input = `${ns}fence-in`;
      const out = `${ns}fence-out`;
      const groupId = `${ns}fence-group`;
      await topicsWith(client, [input, out], ['x']);
      // The zombie: a member of the group that read x, inside its transaction when it
      // stops, as SIGSTOP would leave it. Its own transactional id: one per instance.
      const zombieMember = new Consumer({
        ...platformaticOptions(client),
        groupId,
        autocommit: false,
        sessionTimeout: 6_000,
        heartbeatInterval: 1_000,
      });
      zombieMember.topics.trackAll(input);
      await zombieMember.joinGroup({});
      const member = {
        groupId,
        memberId: zombieMember.memberId as string,
        generationId: zombieMember.generationId,
        coordinatorId: zombieMember.coordinatorId as number,
      };
      expect(zombieMember.assignments).toEqual([{ topic: input, partitions: [0] }]);
      const zombie = new Producer({
        ...platformaticOptions(client),
        idempotent: true,
        transactionalId: `${ns}fence-zombie`,
      });
      cleanups.push(() => zombie.close(true));
      const tx = await zombie.beginTransaction();
      await tx.send({
        messages: [{ topic: out, key: Buffer.from('x'), value: Buffer.from('from the zombie') }],
      });
      // Its session ends (as the coordinator ends a silent member's): the partition
      // goes to another instance, which handles x and commits.
      await zombieMember.close();
      const successorProducers = loopProducers('fence', 'successor');
      cleanups.push(() => successorProducers.disconnect());
      const successor = await startTransactionalBatchConsumer(
        client,
        { groupId, topics: [input] },
        successorProducers,
        async ({ records }) => ({
          records: output(
            out,
            records.map(() => 'from the successor'),
          ),
        }),
      );
      await waitFor(async () => (await committedOffset(client, groupId, input)) === 1);
      await successor.stop();
      // The zombie wakes up and commits what it read, with the generation it read it in.
      const zombieEnd = (async () => {
        await tx.addConsumer({ groupId } as Consumer);
        await tx.addOffset({
          topic: input,
          partition: 0,
          offset: 0n,
          metadata: { consumer: member },
        } as unknown as Parameters<typeof tx.addOffset>[0]);
        await tx.commit();
      })().then(
        () => 'committed',
        (err: Error & { errors?: { apiId?: string }[] }) => err.errors?.[0]?.apiId ?? err.message,
      );
      expect(['ILLEGAL_GENERATION', 'UNKNOWN_MEMBER_ID']).toContain(await zombieEnd);
      await tx.abort();

      const seen = await readCommitted(client, [out], (s) => s.length >= 1);
      expect(seen.map((r) => r.value)).toEqual(['from the successor']);
      expect(await committedOffset(client, groupId, input)).toBe(1);
    });
  }

  it('goes on from the committed offset when a transaction that committed reports a failure', async () => {
    const input = `${ns}ambiguous-in`;
    const out = `${ns}ambiguous-out`;
    await topicsWith(client, [input, out], ['a', 'b', 'c', 'd']);

    // The broker commits the first transaction, then the answer is lost.
    const real = loopProducers('ambiguous');
    cleanups.push(() => real.disconnect());
    let lostAnswers = 0;
    const producers: PartitionProducers = {
      async forPartition(topic, partition) {
        const inner = await real.forPartition(topic, partition);
        return {
          async commitTransaction(content) {
            await inner.commitTransaction(content);
            if (lostAnswers++ === 0) throw new Error('the broker went away before it answered');
          },
          disconnect: () => inner.disconnect(),
        };
      },
      reopen: (topic, partition) => real.reopen(topic, partition),
      disconnect: () => real.disconnect(),
    };
    const handled: string[] = [];
    const done: string[] = [];
    const failures: unknown[] = [];
    const consumer = await startTransactionalBatchConsumer(
      client,
      {
        groupId: `${ns}ambiguous-group`,
        topics: [input],
        recordsPerTransaction: 2,
        onBatchFailed: (err) => failures.push(err),
      },
      producers,
      async ({ records }) => {
        handled.push(...values(records));
        return {
          records: output(out, values(records)),
          afterCommit: async () => {
            done.push(...values(records));
          },
        };
      },
    );
    await waitFor(() => done.length >= 4, 60_000);
    await sleep(2_000);
    await consumer.stop();
    // a and b committed with the first transaction: nobody does them again, and the
    // work owed after their commit ran once it was known to have committed.
    expect(failures).toHaveLength(1);
    expect(handled).toEqual(['a', 'b', 'c', 'd']);
    expect(done).toEqual(['a', 'b', 'c', 'd']);
    const seen = await readCommitted(client, [out], (s) => s.length >= 4);
    expect(seen.map((r) => r.value)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('settles a partition it was just given before its first batch', async () => {
    const input = `${ns}handover-in`;
    const out = `${ns}handover-out`;
    const groupId = `${ns}handover-group`;
    const stem = `${ns}handover`;
    await topicsWith(client, [input, out], ['a', 'b', 'c', 'd']);

    // The partition's previous owner did a and b, and its commit is still under way.
    // It is another process: with kafkajs it has the producer the loop opens for
    // that partition; with platformatic, a producer of its own instance.
    const predecessorId =
      library === 'kafkajs' ? `${stem}-${input}-0` : `${stem}-predecessor-instance`;
    const predecessor = await rawTransactionalProducer(predecessorId);
    cleanups.push(() => predecessor.disconnect());
    const gate = Promise.withResolvers<void>();
    const pending = Promise.withResolvers<void>();
    const predecessorDone = (async () => {
      const tx = await predecessor.transaction();
      await tx.send({ topic: out, messages: ['a', 'b'].map((v) => ({ key: v, value: v })) });
      await tx.sendOffsets({
        consumerGroupId: groupId,
        topics: [{ topic: input, partitions: [{ partition: 0, offset: '2' }] }],
      });
      pending.resolve();
      await gate.promise;
      await tx.commit();
    })();
    predecessorDone.catch(pending.reject);
    await pending.promise;
    let landed = false;
    const landPredecessor = async () => {
      if (landed) return;
      landed = true;
      gate.resolve();
      await predecessorDone;
    };
    // kafkajs: it lands after the new owner read the group's offsets, before it
    // writes anything (the new owner would fence it otherwise). platformatic: it
    // lands a while after the new owner started, which waits for it meanwhile.
    const real = loopProducers('handover');
    cleanups.push(() => real.disconnect());
    const producers: PartitionProducers =
      library === 'kafkajs'
        ? {
            async forPartition(topic, partition) {
              await landPredecessor();
              return real.forPartition(topic, partition);
            },
            async reopen(topic, partition) {
              await landPredecessor();
              await real.reopen(topic, partition);
            },
            disconnect: () => real.disconnect(),
          }
        : real;
    const handled: string[] = [];
    const consumer = await startTransactionalBatchConsumer(
      client,
      { groupId, topics: [input] },
      producers,
      async ({ records }) => {
        handled.push(...values(records));
        return { records: output(out, values(records)) };
      },
    );
    if (library === 'platformatic') {
      await sleep(3_000);
      expect(handled).toEqual([]);
      await landPredecessor();
    }
    const seen = await readCommitted(client, [out], (s) => s.length >= 4, 60_000);
    await consumer.stop();
    // Every record's output exactly once: the new owner went on from the settled offset.
    expect(seen.map((r) => r.value).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(handled).toEqual(['c', 'd']);
  });
});
