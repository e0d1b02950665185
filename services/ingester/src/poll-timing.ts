// When to poll a feed next. A healthy feed: its interval with jitter, stretched
// (never beyond 4 intervals) when the server says its answer stays fresh longer.
// A failing feed: exponential backoff with full jitter, capped, never giving up;
// a 429 or 503 Retry-After is honoured up to the operator's cap.
import type { Feed } from './feed-registry.js';
import type { PollOutcome } from './poll-feed.js';

export interface TimingSettings {
  /** Fraction of the interval added or removed at random. */
  jitter: number;
  maxBackoffMs: number;
  maxRetryAfterMs: number;
  random?: () => number;
}

export function nextPollDelayMs(
  feed: Feed,
  outcome: PollOutcome,
  settings: TimingSettings,
): number {
  const random = settings.random ?? Math.random;
  const interval = feed.intervalSeconds * 1000;
  const retryAfter = Math.min(outcome.hints.retryAfterMs ?? 0, settings.maxRetryAfterMs);
  if (outcome.kind === 'failed') {
    const ceiling = Math.min(
      settings.maxBackoffMs,
      interval * 2 ** Math.min(outcome.consecutiveFailures - 1, 20),
    );
    return Math.max(retryAfter, random() * ceiling, 1_000);
  }
  const fresh = Math.min(outcome.hints.freshForMs ?? 0, 4 * interval);
  const base = Math.max(interval, fresh, retryAfter);
  return Math.max(0, base + (random() * 2 - 1) * settings.jitter * base);
}
