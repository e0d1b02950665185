// Consumers that commit an offset only after the handler finished with the record,
// so a crash re-delivers instead of losing. Reads only committed transactions.
import type { Consumer, Kafka, KafkaMessage, Transaction } from 'kafkajs';
import type { PartitionProducers } from './producer.js';
import { maxRawDocumentBytes } from './topics.js';
import { createTransactionRecovery } from './transaction-recovery.js';

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
  /**
   * Shared by the records of one transaction, so a handler can see what earlier
   * records of it did (work they claimed is not done until it commits).
   */
  transactionScope: Map<string, unknown>;
}

export interface TransactionalConsumerSettings extends ConsumerSettings {
  /** At most this many records of one partition share a transaction (default 50). */
  recordsPerTransaction?: number;
  /** Told of a transaction that failed; its records come again unless it committed after all. */
  onTransactionFailed?: (err: unknown) => void;
}

/**
 * Consume-transform-produce in Kafka transactions: for a run of records of one
 * partition, what the handler sends and their offset commit together or not at
 * all. Sharing a transaction among records spares a commit per record, the cost
 * that bounds throughput. Each partition has its own transactional producer (see
 * createPartitionProducers), so a paused instance cannot commit after its
 * partitions moved on. What the handler returns runs once the transaction
 * committed (for example, marking work done in Redis), all at once; a crash
 * before that leaves the records to be delivered again.
 */
export async function startTransactionalRecordConsumer(
  kafka: Kafka,
  settings: TransactionalConsumerSettings,
  producers: PartitionProducers,
  handle: (record: TransactionalRecord) => Promise<(() => Promise<void>) | undefined>,
): Promise<RunningConsumer> {
  const { consumer, running } = await subscribeConsumer(kafka, settings);
  const perTransaction = settings.recordsPerTransaction ?? 50;
  const recovery = createTransactionRecovery(kafka, consumer, producers, settings.groupId);
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
      const { topic, partition } = batch;
      for (let start = 0; start < batch.messages.length; start += perTransaction) {
        // Stopping or rebalanced: what is left is delivered again, to whoever has it then.
        if (!isRunning() || isStale()) return;
        const run = batch.messages.slice(start, start + perTransaction);
        const first = run[0] as KafkaMessage;
        const last = run[run.length - 1] as KafkaMessage;
        // A failed transaction before: go on from where the group really stands.
        if (await recovery.settle(topic, partition, first.offset)) return;
        const afterCommit: (() => Promise<void>)[] = [];
        const transactionScope = new Map<string, unknown>();
        const producer = await producers.forPartition(topic, partition);
        try {
          await producer.inTransaction(async (transaction) => {
            for (const message of run) {
              const after = await handle({
                topic,
                partition,
                message,
                transaction,
                transactionScope,
              });
              if (after) afterCommit.push(after);
            }
            await transaction.sendOffsets({
              consumerGroupId: settings.groupId,
              topics: [{ topic, partitions: [{ partition, offset: nextOffset(last.offset) }] }],
            });
          });
        } catch (err) {
          // It may have committed all the same: go on from the group's committed offset.
          settings.onTransactionFailed?.(err);
          recovery.doubt(topic, partition, {
            lastOffset: last.offset,
            onCommitted: async () => {
              await Promise.all(afterCommit.map((after) => after()));
            },
          });
          await recovery.settle(topic, partition, first.offset);
          return;
        }
        await Promise.all(afterCommit.map((after) => after()));
        resolveOffset(last.offset);
        await heartbeat();
      }
    },
  });
  return {
    isAssigned: running.isAssigned,
    async stop() {
      await running.stop();
      await recovery.close();
    },
  };
}
