// Consumers that commit an offset only after the handler finished with the record,
// so a crash re-delivers instead of losing. Reads only committed transactions.
import type { DeadLetterOrigin, ErrorKind } from '@wire/schema';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { createAfterCommitOverlap } from './after-commit-overlap.js';
import { type KafkaClient, kafkajsOf, libraryOf } from './client.js';
import { readHeaders, type StringHeaders } from './headers.js';
import { whileMetadataSettles } from './metadata-settling.js';
import type { OutgoingRecord, PartitionProducers } from './producer.js';
import { createRunPolicy, nextOffset, runsOf } from './run-policy.js';
import { type RunTiming, secondsSince } from './run-timing.js';
import { maxRawDocumentBytes } from './topics.js';
import { createTransactionRecovery } from './transaction-recovery.js';

export { mergedOutputs, nextOffset, runsOf } from './run-policy.js';

export interface ConsumerSettings {
  groupId: string;
  topics: string[];
  fromBeginning?: boolean;
  /** How soon a crashed member's partitions go to the others (the broker's minimum is 6 s). */
  sessionTimeoutMs?: number;
}

export function createConsumer(
  kafka: KafkaClient,
  settings: Pick<ConsumerSettings, 'groupId' | 'sessionTimeoutMs'>,
): Consumer {
  const sessionTimeout = settings.sessionTimeoutMs ?? 30_000;
  return kafkajsOf(kafka).consumer({
    groupId: settings.groupId,
    readUncommitted: false,
    maxBytesPerPartition: maxRawDocumentBytes,
    sessionTimeout,
    heartbeatInterval: Math.min(3_000, Math.floor(sessionTimeout / 3)),
    retry: consumerRetry,
  });
}

/**
 * How the consumer's loop tries a failed fetch again. kafkajs's default (5 tries,
 * 0.3 s doubling) stopped every fetch of the member for up to 9 s when one
 * partition's leader died, then crashed the consumer, which rejoined the group
 * (a rebalance for every member): each try asks for the metadata again, so one
 * a second at most finds the new leaders within a second of their election, and
 * 30 of them outlast it.
 */
export const consumerRetry = { initialRetryTime: 300, maxRetryTime: 1_000, retries: 30 };

/** A record as a reader gets it, with where it sits and when it was written. */
export interface ConsumedRecord extends InputRecord {
  topic: string;
  partition: number;
  timestamp: string;
}

export interface RunningConsumer {
  /** True once the group gave this member at least one partition. */
  isAssigned(): boolean;
  stop(): Promise<void>;
}

/** Runs `handle` on each record in partition order and commits after it resolved. */
export async function startRecordConsumer(
  kafka: KafkaClient,
  settings: ConsumerSettings,
  handle: (record: ConsumedRecord) => Promise<void>,
): Promise<RunningConsumer> {
  const { consumer, running } = await subscribeConsumer(kafka, settings);
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      await handle({ topic, partition, timestamp: message.timestamp, ...inputRecord(message) });
      await consumer.commitOffsets([{ topic, partition, offset: nextOffset(message.offset) }]);
    },
  });
  return running;
}

/** A connected, subscribed consumer that knows whether the group gave it partitions. */
export async function subscribeConsumer(
  kafka: KafkaClient,
  settings: ConsumerSettings,
): Promise<{ consumer: Consumer; running: RunningConsumer }> {
  const consumer = createConsumer(kafka, settings);
  let assigned = false;
  consumer.on(consumer.events.GROUP_JOIN, (event) => {
    assigned = Object.keys(event.payload.memberAssignment).length > 0;
  });
  await consumer.connect();
  await whileMetadataSettles(() =>
    consumer.subscribe({ topics: settings.topics, fromBeginning: settings.fromBeginning ?? true }),
  );
  return { consumer, running: { isAssigned: () => assigned, stop: () => consumer.disconnect() } };
}

/** A record as a stage reads it, its headers as strings. */
export interface InputRecord {
  key: Buffer | null;
  value: Buffer | null;
  headers: StringHeaders;
  offset: string;
}

/** A run of records of one partition, in order: one transaction's input. */
export interface InputBatch {
  topic: string;
  partition: number;
  records: InputRecord[];
}

/** What a stage makes of a batch. */
export interface BatchOutput {
  /** Written in the batch's transaction, with its offsets: all or nothing. */
  records: ReadonlyMap<string, OutgoingRecord[]>;
  /**
   * Runs once the transaction is known to have committed: right after the commit,
   * or when a failed commit turns out to have committed after all. The loop does
   * not wait for it before handling the next run, only before the next commit
   * (after-commit-overlap.ts): what the next run must see, it sends to its store
   * before it first awaits.
   */
  afterCommit?: () => Promise<void>;
}

export interface TransactionalConsumerSettings extends ConsumerSettings {
  /** At most this many records of one partition share a transaction (default 50). */
  recordsPerTransaction?: number;
  /**
   * And at most about this many bytes of input (default 4 MiB; a run takes at least
   * one record), so a run's output, held until its transaction, stays in the heap
   * the stage was sized for.
   */
  bytesPerTransaction?: number;
  /**
   * Told of a run that failed: its handler threw, or its transaction failed. Its
   * records come again, unless the transaction committed after all.
   */
  onBatchFailed?: (err: unknown) => void;
  /**
   * What a handler's error means (see WireError): transient ones are tried again
   * after a back-off, the partition held; a permanent one is narrowed to the
   * record it fails on alone, which becomes a dead letter; a configuration error
   * stops the loop. Unset, every error is transient.
   */
  classify?: (err: unknown) => ErrorKind;
  /** Where a record the handler fails on permanently goes; unset, it is retried. */
  deadLetters?: { topic: string; stage: DeadLetterOrigin['stage'] };
  /** Told of each record set aside as a dead letter, once its transaction committed. */
  onDeadLettered?: (record: InputRecord, err: unknown) => void;
  /** A configuration error: the loop stops taking work, and the process should end. */
  onConfigurationError?: (err: unknown) => void;
  /** The back-off before the n-th retry of a run (default 250 ms doubling to 30 s). */
  retryDelayMs?: (attempt: number) => number;
  /** Told how long each committed run spent in each phase: what bounds a stage. */
  onRunTimed?: (timing: RunTiming) => void;
}

/**
 * Consume-transform-produce in Kafka transactions, the one loop every stage
 * runs: for a run of records of one partition, the stage's handler makes its
 * output first (outside any transaction, so a transaction stays open only for
 * its writes), then that output and the run's offsets commit together or not at
 * all. Sharing a transaction among records spares a commit per record, the cost
 * that bounds throughput. A paused instance cannot commit after its partitions
 * moved on: with kafkajs each partition has its own transactional producer (see
 * createPartitionProducers), which the next owner's fences; with
 * @platformatic/kafka the offsets carry the group's generation (KIP-447), which
 * the broker checks (see platformatic/batch-loop.ts). A failed commit is settled
 * (transaction-recovery.ts) before anything else of the partition. The
 * handler's failures go by the policy of run-policy.ts. A handler that throws
 * leaves its records to be delivered again; so does a crash before `afterCommit`
 * finished. `producers` are the client's own (createTransactionalProducers).
 */
export async function startTransactionalBatchConsumer(
  kafka: KafkaClient,
  settings: TransactionalConsumerSettings,
  producers: PartitionProducers,
  handle: (batch: InputBatch) => Promise<BatchOutput>,
): Promise<RunningConsumer> {
  if (libraryOf(kafka) === 'platformatic') {
    // Loaded only for a platformatic client: the library costs a process about 60 MB.
    const { startPlatformaticBatchConsumer } = await import('./platformatic/batch-loop.js');
    return startPlatformaticBatchConsumer(kafka, settings, producers, handle);
  }
  const { consumer, running } = await subscribeConsumer(kafka, settings);
  const policy = createRunPolicy(settings, handle);
  const recovery = createTransactionRecovery(kafka, consumer, producers, settings.groupId);
  const afterCommits = createAfterCommitOverlap();

  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
      const { topic, partition } = batch;
      const runs = runsOf(batch.messages, policy.recordsPerTransaction, policy.bytesPerTransaction);
      for (const run of runs) {
        // Stopping or rebalanced: what is left is delivered again, to whoever has it then.
        if (!isRunning() || isStale()) return;
        const first = run[0] as KafkaMessage;
        const last = run[run.length - 1] as KafkaMessage;
        // The batch's last run goes up to its last offset, past the commit markers
        // of a transactional input that follow its last record (or the lag stays 1).
        const through = last === batch.messages.at(-1) ? batch.lastOffset() : last.offset;
        // A failed transaction before: go on from where the group really stands.
        if (await recovery.settle(topic, partition, first.offset)) return;
        const control = { active: () => isRunning() && !isStale(), heartbeat };
        const input = { topic, partition, records: run.map(inputRecord) };
        const handled = performance.now();
        const output = await policy.outputOf(input, control);
        if (output === undefined) return;
        const handleSeconds = secondsSince(handled);
        const afterCommit = output.afterCommit ?? (async () => undefined);
        // The last run's after-commit work ran beside this run's handling; it ends first.
        const afterCommitSeconds = await afterCommits.settle();
        const committing = performance.now();
        const producer = await producers.forPartition(topic, partition);
        try {
          await producer.commitTransaction({
            records: output.records,
            offsets: { groupId: settings.groupId, topic, partition, offset: nextOffset(through) },
          });
        } catch (err) {
          // It may have committed all the same: go on from the group's committed offset.
          settings.onBatchFailed?.(err);
          recovery.doubt(topic, partition, { lastOffset: through, onCommitted: afterCommit });
          await recovery.settle(topic, partition, first.offset);
          return;
        }
        const commitSeconds = secondsSince(committing);
        afterCommits.start(afterCommit);
        settings.onRunTimed?.({
          records: run.length,
          handleSeconds,
          commitSeconds,
          afterCommitSeconds,
        });
        resolveOffset(through);
        await heartbeat();
      }
    },
  });
  return {
    isAssigned: running.isAssigned,
    async stop() {
      await running.stop();
      // The last run's after-commit work; a failure is left as a crash would leave it
      // (claims not marked done lapse after CLAIM_PENDING_TTL_MS).
      await afterCommits.settle().catch(() => undefined);
      await recovery.close();
    },
  };
}

function inputRecord(message: KafkaMessage): InputRecord {
  return {
    key: message.key,
    value: message.value,
    headers: readHeaders(message.headers),
    offset: message.offset,
  };
}
