// A run's after-commit work (the normalizer's done markers and index writes, the
// publisher's sent ids) overlaps the next run's handling instead of holding it
// up: the loop starts it once the commit is known and awaits it only before its
// next commit, or when it stops. The next run still sees those writes: a stage
// sends them to its store before the promise is handed back, and one connection
// keeps commands in order, so the next run's reads are answered after them (and
// the next run's Redis WAIT covers them too). A failure surfaces at that next
// commit, which it fails like any failed run: its records come again.
import { secondsSince } from './run-timing.js';

export interface AfterCommitOverlap {
  /** Starts a committed run's after-commit work. */
  start(work: () => Promise<void>): void;
  /**
   * Waits for the work started last; throws what it failed with (once). Returns
   * the seconds it waited: the after-commit time that still held the loop up.
   */
  settle(): Promise<number>;
}

export function createAfterCommitOverlap(): AfterCommitOverlap {
  let pending: Promise<void> | undefined;
  let failure: { err: unknown } | undefined;
  return {
    start(work) {
      // Called at once, not after a tick: its commands go out before anything the
      // loop asks next.
      let started: Promise<void>;
      try {
        started = work();
      } catch (err) {
        started = Promise.reject(err);
      }
      const settled = started.catch((err: unknown) => {
        failure ??= { err };
      });
      pending = pending ? Promise.all([pending, settled]).then(() => undefined) : settled;
    },
    async settle() {
      const waiting = performance.now();
      await pending;
      pending = undefined;
      const failed = failure;
      failure = undefined;
      if (failed) throw failed.err;
      return secondsSince(waiting);
    },
  };
}
