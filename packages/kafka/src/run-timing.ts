// How long a stage's committed run spent in each phase, told to the stage so it
// can show what bounds it (a histogram on /metrics).

/**
 * Where a committed run's time went, in seconds: making its output (the
 * handler, with its Redis questions), committing its transaction (records and
 * offsets), and waiting, before that commit, for the work after the last run's
 * commit (done markers, index writes), which runs beside the handling.
 */
export interface RunTiming {
  records: number;
  handleSeconds: number;
  commitSeconds: number;
  afterCommitSeconds: number;
}

/** Seconds since `start` (a performance.now() reading). */
export const secondsSince = (start: number) => (performance.now() - start) / 1000;
