// Producers that only return once every in-sync replica has the records (acks=all),
// idempotent so a retried send is not written twice.
import { type Kafka, type Message, Partitioners, type Producer, type Transaction } from 'kafkajs';
import { classifyKafkaError } from './errors.js';

export interface OutgoingRecord {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers?: Message['headers'] | undefined;
}

export interface AcknowledgedProducer {
  send(topic: string, records: OutgoingRecord[]): Promise<void>;
  disconnect(): Promise<void>;
}

export async function connectProducer(kafka: Kafka): Promise<AcknowledgedProducer> {
  const producer = kafka.producer({
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

export interface TransactionalProducer {
  /** Runs `work` inside one transaction, committed when it resolves, aborted when it throws. */
  inTransaction(work: (transaction: Transaction) => Promise<void>): Promise<void>;
  disconnect(): Promise<void>;
}

export async function connectTransactionalProducer(
  kafka: Kafka,
  transactionalId: string,
): Promise<TransactionalProducer> {
  const producer: Producer = kafka.producer({
    transactionalId,
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect().catch((err: unknown) => {
    throw classifyKafkaError(err);
  });
  return {
    async inTransaction(work) {
      const transaction = await producer.transaction();
      try {
        await work(transaction);
        await transaction.commit();
      } catch (err) {
        await transaction.abort().catch(() => undefined);
        throw classifyKafkaError(err);
      }
    },
    disconnect: () => producer.disconnect(),
  };
}

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
 * One transactional producer per input partition, its transactional id named
 * after the partition. Whoever consumes the partition next opens a producer with
 * the same id, which fences the one before: an instance that was paused (a zombie)
 * and wakes up cannot commit what its successor already did. This is Kafka's
 * fencing before KIP-447; kafkajs cannot send the consumer group metadata that
 * KIP-447 needs to fence with a single producer. A producer whose transaction
 * failed is closed and opened again on next use, so a fenced one never lingers.
 */
export function createPartitionProducers(kafka: Kafka, idStem: string): PartitionProducers {
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
        async inTransaction(work) {
          try {
            await producer.inTransaction(work);
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
