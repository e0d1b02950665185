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
