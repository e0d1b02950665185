// Consumers that commit an offset only after the handler finished with the record,
// so a crash re-delivers instead of losing. Reads only committed transactions.
import type { Consumer, Kafka, KafkaMessage, Transaction } from 'kafkajs';
import type { TransactionalProducer } from './producer.js';
import { maxRawDocumentBytes } from './topics.js';

export interface ConsumerSettings {
  groupId: string;
  topics: string[];
  fromBeginning?: boolean;
  /** How soon a crashed member's partitions go to the others (the broker's minimum is 6 s). */
  sessionTimeoutMs?: number;
}

export function createConsumer(
  kafka: Kafka,
  settings: Pick<ConsumerSettings, 'groupId' | 'sessionTimeoutMs'>,
): Consumer {
  const sessionTimeout = settings.sessionTimeoutMs ?? 30_000;
  return kafka.consumer({
    groupId: settings.groupId,
    readUncommitted: false,
    maxBytesPerPartition: maxRawDocumentBytes,
    sessionTimeout,
    heartbeatInterval: Math.min(3_000, Math.floor(sessionTimeout / 3)),
  });
}

export interface ConsumedRecord {
  topic: string;
  partition: number;
  message: KafkaMessage;
}

export interface RunningConsumer {
  /** True once the group gave this member at least one partition. */
  isAssigned(): boolean;
  stop(): Promise<void>;
}

/** Runs `handle` on each record in partition order and commits after it resolved. */
export async function startRecordConsumer(
  kafka: Kafka,
  settings: ConsumerSettings,
  handle: (record: ConsumedRecord) => Promise<void>,
): Promise<RunningConsumer> {
  const { consumer, running } = await subscribeConsumer(kafka, settings);
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      await handle({ topic, partition, message });
      await consumer.commitOffsets([{ topic, partition, offset: nextOffset(message.offset) }]);
    },
  });
  return running;
}

/** A connected, subscribed consumer that knows whether the group gave it partitions. */
export async function subscribeConsumer(
  kafka: Kafka,
  settings: ConsumerSettings,
): Promise<{ consumer: Consumer; running: RunningConsumer }> {
  const consumer = createConsumer(kafka, settings);
  let assigned = false;
  consumer.on(consumer.events.GROUP_JOIN, (event) => {
    assigned = Object.keys(event.payload.memberAssignment).length > 0;
  });
  await consumer.connect();
  await consumer.subscribe({
    topics: settings.topics,
    fromBeginning: settings.fromBeginning ?? true,
  });
  return { consumer, running: { isAssigned: () => assigned, stop: () => consumer.disconnect() } };
}

export function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}

export interface TransactionalRecord extends ConsumedRecord {
  /** Everything the handler writes goes through this transaction. */
  transaction: Transaction;
}

/**
 * Consume-transform-produce in Kafka transactions: for each record, what the
 * handler sends and the record's offset commit together or not at all. What the
 * handler returns runs once the transaction committed (for example, marking work
 * done in Redis); a crash before that leaves the record to be delivered again.
 */
export async function startTransactionalRecordConsumer(
  kafka: Kafka,
  settings: ConsumerSettings,
  producer: TransactionalProducer,
  handle: (record: TransactionalRecord) => Promise<(() => Promise<void>) | undefined>,
): Promise<RunningConsumer> {
  const { consumer, running } = await subscribeConsumer(kafka, settings);
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      let afterCommit: (() => Promise<void>) | undefined;
      await producer.inTransaction(async (transaction) => {
        afterCommit = await handle({ topic, partition, message, transaction });
        await transaction.sendOffsets({
          consumerGroupId: settings.groupId,
          topics: [{ topic, partitions: [{ partition, offset: nextOffset(message.offset) }] }],
        });
      });
      await afterCommit?.();
    },
  });
  return running;
}
