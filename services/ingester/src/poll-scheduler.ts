// Polls each feed on its own interval, with jitter so feeds do not fire together.
// A poll never overlaps the previous poll of the same feed. stop() waits for
// in-flight polls to finish.
import type { Feed } from './feed-registry.js';

export interface PollScheduler {
  stop(): Promise<void>;
}

export interface SchedulerSettings {
  /** Fraction of the interval added or removed at random. */
  jitter: number;
  random?: () => number;
}

export function startPollScheduler(
  feeds: Feed[],
  poll: (feed: Feed) => Promise<void>,
  settings: SchedulerSettings,
): PollScheduler {
  const random = settings.random ?? Math.random;
  const timers = new Map<string, NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  let stopped = false;

  const delayFor = (feed: Feed) => {
    const base = feed.intervalSeconds * 1000;
    return Math.max(0, base + (random() * 2 - 1) * settings.jitter * base);
  };

  const run = (feed: Feed) => {
    if (stopped) return;
    const polling = poll(feed).finally(() => {
      inFlight.delete(polling);
      if (!stopped)
        timers.set(
          feed.id,
          setTimeout(() => run(feed), delayFor(feed)),
        );
    });
    inFlight.add(polling);
  };

  for (const feed of feeds) {
    // The first poll of each feed is spread over a short window, not all at once.
    timers.set(
      feed.id,
      setTimeout(() => run(feed), random() * Math.min(5_000, feed.intervalSeconds * 100)),
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
