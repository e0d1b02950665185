// Polls each feed when its last poll says (see poll-timing.ts), starting with a
// short random spread. A poll never overlaps the previous poll of the same feed;
// stop() waits for in-flight polls to finish.
import type { Feed } from './feed-registry.js';

export interface PollScheduler {
  stop(): Promise<void>;
}

export interface SchedulerSettings {
  random?: () => number;
}

/** `poll` resolves with the delay until the feed's next poll, in ms. */
export function startPollScheduler(
  feeds: Feed[],
  poll: (feed: Feed) => Promise<number>,
  settings: SchedulerSettings = {},
): PollScheduler {
  const random = settings.random ?? Math.random;
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
    // The first poll of each feed is spread over a short window, not all at once.
    const spread = random() * Math.min(5_000, feed.intervalSeconds * 100);
    timers.set(
      feed.id,
      setTimeout(() => run(feed), spread),
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
