// The shared measuring pieces: timed rounds after a warmup, the median of them,
// and the figure every benchmark reports (a value beside a reference measured in
// the same run, so a busy machine slows both alike).

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The value it is compared with, measured in the same run (or a target). */
  reference: number;
  /** What the reference is. */
  against: string;
  /** value / reference.value; null when there is no reference to divide by. */
  ratio: number | null;
  /** Optional one-line remark printed beside the figure. */
  note?: string;
}

export interface RoundSettings {
  warmupRounds: number;
  rounds: number;
}

export const fullRounds: RoundSettings = { warmupRounds: 2, rounds: 7 };
export const quickRounds: RoundSettings = { warmupRounds: 1, rounds: 3 };

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The value at quantile q (0..1) by the nearest-rank method. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] as number;
}

export function ratio(value: number, reference: number): number | null {
  if (!Number.isFinite(value) || !Number.isFinite(reference) || reference === 0) return null;
  return value / reference;
}

export function figure(
  name: string,
  value: number,
  unit: string,
  against: string,
  reference: number,
  note?: string,
): Figure {
  return {
    name,
    value,
    unit,
    reference,
    ratio: ratio(value, reference),
    against,
    ...(note !== undefined && { note }),
  };
}

/** Seconds taken by each timed round of `work`, after the warmup rounds. */
export async function timeRounds(
  work: () => unknown | Promise<unknown>,
  settings: RoundSettings,
): Promise<number[]> {
  for (let i = 0; i < settings.warmupRounds; i++) await work();
  const seconds: number[] = [];
  for (let i = 0; i < settings.rounds; i++) {
    const start = process.hrtime.bigint();
    await work();
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return seconds;
}

/** The median rate of `amount` units per second over the timed rounds. */
export async function medianRate(
  work: () => unknown | Promise<unknown>,
  amount: number,
  settings: RoundSettings,
): Promise<number> {
  return amount / median(await timeRounds(work, settings));
}

/**
 * Runs several contenders round by round, each round running every one of them
 * in turn, so a burst of load from elsewhere hits them all rather than one.
 * Each contender measures itself (seconds of the part that counts, leaving out
 * set-up such as a consumer group join); returns its measure per timed round.
 */
export async function measureInterleaved(
  contenders: Record<string, () => Promise<number>>,
  settings: RoundSettings,
): Promise<Record<string, number[]>> {
  const names = Object.keys(contenders);
  const measures: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < settings.warmupRounds + settings.rounds; round++) {
    for (const name of names) {
      const measure = await contenders[name]?.();
      if (round >= settings.warmupRounds && measure !== undefined) measures[name]?.push(measure);
    }
  }
  return measures;
}

/** measureInterleaved, each contender timed whole. Returns its seconds per timed round. */
export function timeInterleaved(
  contenders: Record<string, () => unknown | Promise<unknown>>,
  settings: RoundSettings,
): Promise<Record<string, number[]>> {
  const timed = Object.fromEntries(
    Object.entries(contenders).map(([name, work]) => [
      name,
      async () => {
        const start = process.hrtime.bigint();
        await work();
        return Number(process.hrtime.bigint() - start) / 1e9;
      },
    ]),
  );
  return measureInterleaved(timed, settings);
}
