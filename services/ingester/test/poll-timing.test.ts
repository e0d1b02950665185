import { describe, expect, it } from 'vitest';
import { type Feed, nextPollDelayMs, type PollOutcome } from '../src/index.js';

const feed = { intervalSeconds: 60 } as Feed;
const settings = { jitter: 0.1, maxBackoffMs: 3_600_000, maxRetryAfterMs: 600_000 };
const ok = (hints = {}): PollOutcome => ({ kind: 'not-modified', hints, consecutiveFailures: 0 });
const failed = (n: number, hints = {}): PollOutcome => ({
  kind: 'failed',
  code: 'HTTP_ERROR',
  reason: 'HTTP 500',
  status: 500,
  hints,
  consecutiveFailures: n,
});

describe('nextPollDelayMs', () => {
  it('keeps a healthy feed on its interval, within the jitter', () => {
    expect(nextPollDelayMs(feed, ok(), { ...settings, random: () => 0 })).toBe(54_000);
    expect(nextPollDelayMs(feed, ok(), { ...settings, random: () => 1 })).toBe(66_000);
  });

  it('stretches the interval to what the server calls fresh, at most four intervals', () => {
    const r = { ...settings, jitter: 0, random: () => 0.5 };
    expect(nextPollDelayMs(feed, ok({ freshForMs: 120_000 }), r)).toBe(120_000);
    expect(nextPollDelayMs(feed, ok({ freshForMs: 86_400_000 }), r)).toBe(240_000);
    expect(nextPollDelayMs(feed, ok({ freshForMs: 5_000 }), r)).toBe(60_000);
  });

  it('backs off exponentially with full jitter, capped, after failures', () => {
    const top = { ...settings, random: () => 1 };
    expect(nextPollDelayMs(feed, failed(1), top)).toBe(60_000);
    expect(nextPollDelayMs(feed, failed(3), top)).toBe(240_000);
    expect(nextPollDelayMs(feed, failed(40), top)).toBe(3_600_000);
    expect(nextPollDelayMs(feed, failed(3), { ...settings, random: () => 0 })).toBe(1_000);
  });

  it('honours Retry-After up to the operator cap', () => {
    const low = { ...settings, random: () => 0 };
    expect(nextPollDelayMs(feed, failed(1, { retryAfterMs: 300_000 }), low)).toBe(300_000);
    expect(nextPollDelayMs(feed, failed(1, { retryAfterMs: 86_400_000 }), low)).toBe(600_000);
  });
});
