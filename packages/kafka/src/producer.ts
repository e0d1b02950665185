// Producers that only return once every in-sync replica has the records (acks=all),
// idempotent so a retried send is not written twice; and transactional ones that
// write records and a consumer group's offset together or not at all. Each over
// the client's library: kafkajs here, @platformatic/kafka in platformatic/producer.ts.
import { type Message, Partitioners, type Producer } from 'kafkajs';
import { type KafkaClient, kafkajsOf, libraryOf } from './client.js';
import { classifyKafkaError } from './errors.js';
import type { RecordHeaders } from './headers.js';

// @platformatic/kafka costs a process about 60 MB: loaded only for its clients.
const platformatic = () => import('./platformatic/producer.js');

export interface OutgoingRecord {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers?: RecordHeaders | undefined;
}

export interface AcknowledgedProducer {
  send(topic: string, records: OutgoingRecord[]): Promise<void>;
  disconnect(): Promise<void>;
}

export async function connectProducer(kafka: KafkaClient): Promise<AcknowledgedProducer> {
  if (libraryOf(kafka) === 'platformatic')
    return (await platformatic()).connectPlatformaticProducer(kafka);
  const producer = kafkajsOf(kafka).producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect().catch((err: unknown) => {
    throw classifyKafkaError(err);
  });
  return {
    async send(topic, records) {
      try {
        await producer.send({ topic, acks: -1, messages: records as Message[] });
      } catch (err) {
        throw classifyKafkaError(err);
      }
    },
    disconnect: () => producer.disconnect(),
  };
}

/** What one transaction writes: records by topic, and the input's next offset for a group. */
export interface TransactionContent {
  records: ReadonlyMap<string, OutgoingRecord[]>;
  offsets?: {
    groupId: string;
    topic: string;
    partition: number;
    offset: string;
    /**
     * The consumer group member that read the input, as of when it read it:
     * @platformatic/kafka sends it with the offsets (KIP-447), and the broker
     * refuses them from a member, or a generation, that is no longer current.
     * kafkajs cannot send it (its fencing is a producer per partition).
     */
    member?: GroupMember | undefined;
  };
}

/** A consumer group member as the group coordinator knows it. */
export interface GroupMember {
  memberId: string;
  generationId: number;
  /** The group coordinator's node id. */
  coordinatorId: number;
}

export interface TransactionalProducer {
  /** Writes the content in one transaction: committed all together, or aborted and thrown. */
  commitTransaction(content: TransactionContent): Promise<void>;
  disconnect(): Promise<void>;
}

// Under the broker's default message size (1 MiB), which the output topics keep:
// kafkajs sends a partition's records as one batch, and the broker refuses a
// batch over the topic's message size.
const maxRequestBytes = 512 * 1024;

export async function connectTransactionalProducer(
  kafka: KafkaClient,
  transactionalId: string,
): Promise<TransactionalProducer> {
  if (libraryOf(kafka) === 'platformatic')
    return (await platformatic()).connectPlatformaticTransactionalProducer(kafka, transactionalId);
  const producer: Producer = kafkajsOf(kafka).producer({
    transactionalId,
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  try {
    await producer.connect();
    // connect() alone asks for an idempotent producer id; the transactional id goes
    // to the coordinator only when a transaction begins. Beginning and dropping an
    // empty one now (no request but InitProducerId) fences the older producers of
    // this id and waits until their commit or abort under way has ended, so a
    // transaction settled by opening its producer again is over once this returns.
    await (await producer.transaction()).abort();
  } catch (err) {
    await producer.disconnect().catch(() => undefined);
    throw classifyKafkaError(err);
  }
  return {
    async commitTransaction({ records, offsets }) {
      const transaction = await producer.transaction();
      try {
        for (const topicMessages of sendRequests(records, maxRequestBytes))
          await transaction.sendBatch({ acks: -1, topicMessages });
        if (offsets) {
          const { groupId, topic, partition, offset } = offsets;
          await transaction.sendOffsets({
            consumerGroupId: groupId,
            topics: [{ topic, partitions: [{ partition, offset }] }],
          });
        }
        await transaction.commit();
      } catch (err) {
        await transaction.abort().catch(() => undefined);
        throw classifyKafkaError(err);
      }
    },
    disconnect: () => producer.disconnect(),
  };
}

/**
 * The records in send requests of at most about `maxBytes` each (a record larger
 * than that goes alone), each a list of topics with their records, in order.
 */
export function* sendRequests(
  records: ReadonlyMap<string, OutgoingRecord[]>,
  maxBytes: number,
): Generator<{ topic: string; messages: Message[] }[]> {
  let request: { topic: string; messages: Message[] }[] = [];
  let bytes = 0;
  for (const [topic, messages] of records) {
    for (const message of messages) {
      const size = (message.value?.length ?? 0) + (message.key?.length ?? 0);
      if (bytes > 0 && bytes + size > maxBytes) {
        yield request;
        request = [];
        bytes = 0;
      }
      let entry = request.at(-1);
      if (entry?.topic !== topic) {
        entry = { topic, messages: [] };
        request.push(entry);
      }
      entry.messages.push(message as Message);
      bytes += size;
    }
  }
  if (request.length > 0) yield request;
}

/**
 * The transactional producers the exactly-once loop commits with: with kafkajs
 * one per input partition (createPartitionProducers), with @platformatic/kafka
 * one for the whole instance (createInstanceProducers).
 */
export interface PartitionProducers {
  /** The transactional producer for work read from this partition. */
  forPartition(topic: string, partition: number): Promise<TransactionalProducer>;
  /**
   * Opens the partition's producer afresh, so the coordinator finishes or aborts
   * whatever transaction was pending for its id before anything reads the offsets.
   */
  reopen(topic: string, partition: number): Promise<void>;
  disconnect(): Promise<void>;
}

/**
 * The loop's producers for this client: kafkajs, one per input partition, ids
 * `stem-topic-partition` shared by every instance; @platformatic/kafka, one
 * per instance, id `stem-instanceId`, which must differ between live instances.
 */
export function createTransactionalProducers(
  kafka: KafkaClient,
  idStem: string,
  instanceId: string,
): PartitionProducers {
  if (libraryOf(kafka) !== 'platformatic') return createPartitionProducers(kafka, idStem);
  const loaded = platformatic().then((m) =>
    m.createInstanceProducers(kafka, `${idStem}-${instanceId}`),
  );
  return {
    forPartition: async (topic, partition) => (await loaded).forPartition(topic, partition),
    reopen: async (topic, partition) => (await loaded).reopen(topic, partition),
    disconnect: async () => (await loaded).disconnect(),
  };
}

/**
 * One transactional producer per input partition, its transactional id named
 * after the partition. Whoever consumes the partition next opens a producer with
 * the same id, which fences the one before: an instance that was paused (a zombie)
 * and wakes up cannot commit what its successor already did. This is Kafka's
 * fencing before KIP-447; kafkajs cannot send the consumer group metadata that
 * KIP-447 needs to fence with a single producer. A producer whose transaction
 * failed is closed and opened again on next use, so a fenced one never lingers.
 */
export function createPartitionProducers(kafka: KafkaClient, idStem: string): PartitionProducers {
  const open = new Map<string, Promise<TransactionalProducer>>();
  const connect = (id: string) => {
    const connecting = connectTransactionalProducer(kafka, id);
    connecting.catch(() => open.delete(id));
    open.set(id, connecting);
    return connecting;
  };
  const idOf = (topic: string, partition: number) => `${idStem}-${topic}-${partition}`;
  return {
    async reopen(topic, partition) {
      const id = idOf(topic, partition);
      const before = open.get(id);
      open.delete(id);
      if (before) await (await before.catch(() => undefined))?.disconnect().catch(() => undefined);
      await connect(id);
    },
    async forPartition(topic, partition) {
      const id = idOf(topic, partition);
      const producer = await (open.get(id) ?? connect(id));
      return {
        async commitTransaction(content) {
          try {
            await producer.commitTransaction(content);
          } catch (err) {
            if (open.get(id) !== undefined) {
              open.delete(id);
              await producer.disconnect().catch(() => undefined);
            }
            throw err;
          }
        },
        disconnect: () => producer.disconnect(),
      };
    },
    async disconnect() {
      const producers = await Promise.allSettled(open.values());
      open.clear();
      await Promise.all(
        producers.map((p) => (p.status === 'fulfilled' ? p.value.disconnect() : undefined)),
      );
    },
  };
}
