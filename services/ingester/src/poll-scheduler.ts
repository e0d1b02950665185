// Polls each feed when its last poll says (see poll-timing.ts), the first polls
// spread over each feed's interval (a minute at most). A poll never overlaps the
// previous poll of the same feed; stop() waits for in-flight polls to finish.
import { createHash } from 'node:crypto';
import type { Feed } from './feed-registry.js';

export interface PollScheduler {
  stop(): Promise<void>;
}

export interface SchedulerSettings {
  /** When a feed's first poll starts, in ms from start(); firstPollOffsetMs by default. */
  firstPollDelayMs?: (feed: Feed) => number;
}

/** The longest a first poll waits: an hourly feed need not wait an hour after a restart. */
export const maxFirstPollSpreadMs = 60_000;

/**
 * Where a feed's first poll falls in its interval (in the first minute of a longer
 * one): a fraction taken from a hash of the feed's id. 10,000 feeds every 10 s start
 * at 1,000 a second, as they go on, instead of all at once into the host limiter;
 * and at the same offsets at every start, so a restarted fleet does not stampede.
 */
export function firstPollOffsetMs(feed: Feed): number {
  const fraction = createHash('sha256').update(feed.id).digest().readUInt32BE(0) / 2 ** 32;
  return Math.floor(fraction * Math.min(feed.intervalSeconds * 1000, maxFirstPollSpreadMs));
}

/** `poll` resolves with the delay until the feed's next poll, in ms. */
export function startPollScheduler(
  feeds: Feed[],
  poll: (feed: Feed) => Promise<number>,
  settings: SchedulerSettings = {},
): PollScheduler {
  const firstPollDelayMs = settings.firstPollDelayMs ?? firstPollOffsetMs;
  const timers = new Map<string, NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  let stopped = false;

  const run = (feed: Feed) => {
    if (stopped) return;
    const polling = poll(feed)
      .catch(() => feed.intervalSeconds * 1000)
      .then((delay) => {
        if (!stopped)
          timers.set(
            feed.id,
            setTimeout(() => run(feed), delay),
          );
      })
      .finally(() => inFlight.delete(polling));
    inFlight.add(polling);
  };

  for (const feed of feeds) {
    timers.set(
      feed.id,
      setTimeout(() => run(feed), firstPollDelayMs(feed)),
    );
  }

  return {
    async stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.allSettled([...inFlight]);
    },
  };
}
