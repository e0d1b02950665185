import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Feed, startPollScheduler } from '../src/index.js';

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
      { random: () => 0 },
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
      { random: () => 0 },
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
      { random: () => 0 },
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
});
