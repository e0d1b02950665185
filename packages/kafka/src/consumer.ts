// Consumers that commit an offset only after the handler finished with the record,
// so a crash re-delivers instead of losing. Reads only committed transactions.
import { setTimeout as sleep } from 'node:timers/promises';
import { type DeadLetterOrigin, deadLetter, type ErrorKind, WireError } from '@wire/schema';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { type KafkaClient, kafkajsOf } from './client.js';
import { readHeaders, type StringHeaders, toKafkaHeaders } from './headers.js';
import type { OutgoingRecord, PartitionProducers } from './producer.js';
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
  });
}

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
  await consumer.subscribe({
    topics: settings.topics,
    fromBeginning: settings.fromBeginning ?? true,
  });
  return { consumer, running: { isAssigned: () => assigned, stop: () => consumer.disconnect() } };
}

export function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
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
   * or when a failed commit turns out to have committed after all.
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
}

const defaultRetryDelayMs = (attempt: number) =>
  Math.min(30_000, 250 * 2 ** attempt) * (0.8 + Math.random() * 0.4);

/** The failure code a dead letter names as the cause, besides STAGE_FAILED. */
function failureOf(err: unknown): string {
  const code = err instanceof WireError ? `${err.code}: ` : '';
  return `${code}${(err as Error)?.message ?? String(err)}`;
}

/** The outputs of runs handled one after another, as one run's. */
export function mergedOutputs(outputs: BatchOutput[]): BatchOutput {
  const records = new Map<string, OutgoingRecord[]>();
  for (const output of outputs) {
    for (const [topic, list] of output.records)
      records.set(topic, [...(records.get(topic) ?? []), ...list]);
  }
  return {
    records,
    afterCommit: async () => {
      for (const output of outputs) await output.afterCommit?.();
    },
  };
}

/**
 * Consume-transform-produce in Kafka transactions, the one loop every stage
 * runs: for a run of records of one partition, the stage's handler makes its
 * output first (outside any transaction, so a transaction stays open only for
 * its writes), then that output and the run's offsets commit together or not at
 * all. Sharing a transaction among records spares a commit per record, the cost
 * that bounds throughput. Each partition has its own transactional producer (see
 * createPartitionProducers), so a paused instance cannot commit after its
 * partitions moved on. A failed commit is settled (transaction-recovery.ts)
 * before anything else of the partition. A handler that throws leaves its
 * records to be delivered again; so does a crash before `afterCommit` finished.
 */
export async function startTransactionalBatchConsumer(
  kafka: KafkaClient,
  settings: TransactionalConsumerSettings,
  producers: PartitionProducers,
  handle: (batch: InputBatch) => Promise<BatchOutput>,
): Promise<RunningConsumer> {
  const { consumer, running } = await subscribeConsumer(kafka, settings);
  const perTransaction = settings.recordsPerTransaction ?? 50;
  const perTransactionBytes = settings.bytesPerTransaction ?? 4 * 1024 * 1024;
  const recovery = createTransactionRecovery(kafka, consumer, producers, settings.groupId);
  const classify = settings.classify ?? (() => 'transient' as const);
  const retryDelayMs = settings.retryDelayMs ?? defaultRetryDelayMs;

  interface RunControl {
    /** Still this partition's owner, and running. */
    active(): boolean;
    heartbeat(): Promise<void>;
  }

  /** Waits out a back-off in slices, keeping the group's session; false once no longer active. */
  const backOff = async (ms: number, control: RunControl) => {
    for (let waited = 0; waited < ms; waited += 1_000) {
      await sleep(Math.min(1_000, ms - waited));
      if (!control.active()) return false;
      await control.heartbeat();
    }
    return control.active();
  };

  const deadLettered = (input: InputBatch, err: unknown): BatchOutput => {
    const target = settings.deadLetters as NonNullable<typeof settings.deadLetters>;
    const record = input.records[0] as InputRecord;
    const { topic, partition } = input;
    const origin = { stage: target.stage, topic, partition, offset: record.offset };
    const reason = { code: 'STAGE_FAILED' as const, detail: failureOf(err) };
    const letter = deadLetter(origin, reason, record, new Date());
    return {
      records: new Map([[target.topic, [{ ...letter, headers: toKafkaHeaders(letter.headers) }]]]),
      afterCommit: async () => settings.onDeadLettered?.(record, err),
    };
  };

  /** The run's output, after retries and dead letters; undefined once the partition is lost. */
  const outputOf = async (
    input: InputBatch,
    control: RunControl,
  ): Promise<BatchOutput | undefined> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await handle(input);
      } catch (err) {
        settings.onBatchFailed?.(err);
        const kind = classify(err);
        if (kind === 'configuration') {
          settings.onConfigurationError?.(err);
          throw err;
        }
        if (kind === 'permanent' && settings.deadLetters) {
          if (input.records.length === 1) return deadLettered(input, err);
          // Which record it is, is learned by handling each alone.
          const outputs: BatchOutput[] = [];
          for (const record of input.records) {
            const output = await outputOf({ ...input, records: [record] }, control);
            if (output === undefined) return undefined;
            outputs.push(output);
          }
          return mergedOutputs(outputs);
        }
        if (!(await backOff(retryDelayMs(attempt), control))) return undefined;
      }
    }
  };

  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
      const { topic, partition } = batch;
      for (const run of runsOf(batch.messages, perTransaction, perTransactionBytes)) {
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
        const output = await outputOf(input, control);
        if (output === undefined) return;
        const afterCommit = output.afterCommit ?? (async () => undefined);
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
        await afterCommit();
        resolveOffset(through);
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

/** Consecutive runs of a batch's records, each within both limits (and never empty). */
export function* runsOf<T extends { value: Buffer | null }>(
  messages: T[],
  maxRecords: number,
  maxBytes: number,
): Generator<T[]> {
  let run: T[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = message.value?.length ?? 0;
    if (run.length > 0 && (run.length >= maxRecords || bytes + size > maxBytes)) {
      yield run;
      run = [];
      bytes = 0;
    }
    run.push(message);
    bytes += size;
  }
  if (run.length > 0) yield run;
}

function inputRecord(message: KafkaMessage): InputRecord {
  return {
    key: message.key,
    value: message.value,
    headers: readHeaders(message.headers),
    offset: message.offset,
  };
}
