// What the exactly-once loop does with a run of records before its transaction,
// the same whichever library reads and commits: the stage's handler makes the
// run's output; a transient failure is tried again after a back-off, holding the
// partition; a permanent one is narrowed to the record that fails alone, which
// becomes a dead letter while the others go on; a configuration error stops the
// loop. Both loops (kafkajs in consumer.ts, @platformatic/kafka in
// platformatic/batch-loop.ts) cut runs and take their output from here.
import { setTimeout as sleep } from 'node:timers/promises';
import { deadLetter, WireError } from '@wire/schema';
import type {
  BatchOutput,
  InputBatch,
  InputRecord,
  TransactionalConsumerSettings,
} from './consumer.js';
import { toKafkaHeaders } from './headers.js';
import type { OutgoingRecord } from './producer.js';

/** How a run finds out whether its partition is still its own. */
export interface RunControl {
  /** Still this partition's owner, and running. */
  active(): boolean;
  /** Keeps the group's session while the run waits (a no-op where heartbeats run by themselves). */
  heartbeat(): Promise<void>;
}

export function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
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

const defaultRetryDelayMs = (attempt: number) =>
  Math.min(30_000, 250 * 2 ** attempt) * (0.8 + Math.random() * 0.4);

/** The failure code a dead letter names as the cause, besides STAGE_FAILED. */
function failureOf(err: unknown): string {
  const code = err instanceof WireError ? `${err.code}: ` : '';
  return `${code}${(err as Error)?.message ?? String(err)}`;
}

/** The run limits and the handler's failure policy, from the loop's settings. */
export function createRunPolicy(
  settings: TransactionalConsumerSettings,
  handle: (batch: InputBatch) => Promise<BatchOutput>,
) {
  const classify = settings.classify ?? (() => 'transient' as const);
  const retryDelayMs = settings.retryDelayMs ?? defaultRetryDelayMs;

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

  /**
   * The run's output, after retries and dead letters; undefined once the
   * partition is lost. Throws a configuration error (after onConfigurationError).
   */
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
        // An error may say how soon trying again makes sense (a failed Redis WAIT
        // has waited already): then no growing back-off.
        const hinted = (err as { retryDelayMs?: unknown } | undefined)?.retryDelayMs;
        const delay = typeof hinted === 'number' ? hinted : retryDelayMs(attempt);
        if (!(await backOff(delay, control))) return undefined;
      }
    }
  };

  return {
    recordsPerTransaction: settings.recordsPerTransaction ?? 50,
    bytesPerTransaction: settings.bytesPerTransaction ?? 4 * 1024 * 1024,
    outputOf,
  };
}
