import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Feed, startPollScheduler } from '../src/index.js';
import { firstPollOffsetMs } from '../src/poll-scheduler.js';

const feed = (id: string, intervalSeconds: number): Feed => ({
  id,
  agency: 'yna',
  url: `http://127.0.0.1:1/${id}`,
  format: 'auto',
  intervalSeconds,
  identity: 'guid',
  enabled: true,
  headers: {},
  allowAddresses: [],
  fullText: 'never',
  fullTextDelaySeconds: 0,
  licensed: false,
});

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('startPollScheduler', () => {
  it('waits the delay each poll asks for', async () => {
    const polls: number[] = [];
    const delays = [10_000, 1_000, 60_000];
    const scheduler = startPollScheduler(
      [feed('a', 30)],
      async () => {
        polls.push(Date.now());
        return delays.shift() ?? 60_000;
      },
      { firstPollDelayMs: () => 0 },
    );
    await vi.advanceTimersByTimeAsync(12_000);
    expect(polls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(58_000);
    expect(polls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(polls).toHaveLength(4);
    await scheduler.stop();
  });

  it('polls each feed on its own interval', async () => {
    const polls: string[] = [];
    const scheduler = startPollScheduler(
      [feed('fast', 10), feed('slow', 60)],
      async (f) => {
        polls.push(f.id);
        return f.intervalSeconds * 1000;
      },
      { firstPollDelayMs: () => 0 },
    );
    await vi.advanceTimersByTimeAsync(61_000);
    expect(polls.filter((id) => id === 'fast')).toHaveLength(7);
    expect(polls.filter((id) => id === 'slow')).toHaveLength(2);
    await scheduler.stop();
  });

  it('never overlaps two polls of one feed, and stop() waits for the one in flight', async () => {
    let running = 0;
    let maxRunning = 0;
    let finished = 0;
    const scheduler = startPollScheduler(
      [feed('a', 1)],
      async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((resolve) => setTimeout(resolve, 5_000));
        running--;
        finished++;
        return 1_000;
      },
      { firstPollDelayMs: () => 0 },
    );
    await vi.advanceTimersByTimeAsync(2_000);
    const stopped = scheduler.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    await stopped;
    expect(maxRunning).toBe(1);
    expect(finished).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(finished).toBe(1);
  });

  it('spreads the first polls of 10,000 feeds evenly over their 10 s interval, at the same offsets at every start', async () => {
    const feeds = Array.from({ length: 10_000 }, (_, i) => feed(`feed-${i}`, 10));
    const firstPolls = async () => {
      const started = Date.now();
      const at = new Map<string, number>();
      const scheduler = startPollScheduler(feeds, async (f) => {
        if (!at.has(f.id)) at.set(f.id, Date.now() - started);
        return 60_000;
      });
      await vi.advanceTimersByTimeAsync(10_000);
      await scheduler.stop();
      return at;
    };
    const first = await firstPolls();
    expect(first.size).toBe(10_000);
    // Each second of the interval starts about a tenth of the feeds, none all at once.
    const perSecond = Array.from({ length: 10 }, () => 0);
    for (const ms of first.values()) {
      const second = Math.floor(ms / 1000);
      perSecond[second] = (perSecond[second] ?? 0) + 1;
    }
    for (const count of perSecond) expect(count).toBeGreaterThan(900);
    for (const count of perSecond) expect(count).toBeLessThan(1100);
    expect(await firstPolls()).toEqual(first);
  });

  it('places a feed at a fraction of its interval taken from its id, within the first minute of a longer one', () => {
    const at = (id: string, intervalSeconds: number) =>
      firstPollOffsetMs(feed(id, intervalSeconds));
    expect(at('a', 10)).toBe(at('a', 10));
    expect(at('b', 10)).not.toBe(at('a', 10));
    expect(at('a', 30) / 30_000).toBeCloseTo(at('a', 10) / 10_000, 3);
    expect(at('a', 3_600)).toBe(at('a', 60));
    for (const id of ['a', 'b', 'c', 'yna-politics']) {
      expect(at(id, 10)).toBeLessThan(10_000);
      expect(at(id, 3_600)).toBeLessThan(60_000);
    }
  });
});
