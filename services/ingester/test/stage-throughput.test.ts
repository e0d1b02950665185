import { describe, expect, it } from 'vitest';
import {
  type StageProbe,
  type StageSample,
  startStageSampler,
  throughputOf,
} from '../src/stage-throughput.js';

const sample = (at: number, raw: number | undefined): StageSample => ({
  at,
  ends: { raw },
  lags: [],
});

describe('records per minute from end offsets', () => {
  it('is unknown before two samples', () => {
    expect(throughputOf([], 'raw')).toEqual({ series: [] });
    expect(throughputOf([sample(0, 10)], 'raw')).toEqual({ series: [] });
  });

  it('turns each step between samples into records per minute', () => {
    const samples = [sample(0, 100), sample(15_000, 130), sample(30_000, 130), sample(45_000, 160)];
    expect(throughputOf(samples, 'raw').series).toEqual([120, 0, 120]);
  });

  it('reads the current rate over the last minute, not the last step', () => {
    const samples = [0, 15, 30, 45, 60, 75].map((s, i) =>
      sample(s * 1000, [0, 0, 10, 20, 30, 90][i]),
    );
    // From 15 s (0) to 75 s (90): 90 records in a minute; the last step alone says 240.
    expect(throughputOf(samples, 'raw').recordsPerMinute).toBe(90);
  });

  it('uses the oldest sample while the window is under a minute', () => {
    expect(throughputOf([sample(0, 0), sample(20_000, 10)], 'raw').recordsPerMinute).toBe(30);
  });

  it('counts a shrinking end offset (a recreated topic) as nothing new', () => {
    expect(throughputOf([sample(0, 500), sample(60_000, 20)], 'raw')).toEqual({
      recordsPerMinute: 0,
      series: [0],
    });
  });

  it('skips samples where the topic was unknown', () => {
    const samples = [sample(0, 0), sample(30_000, undefined), sample(60_000, 60)];
    expect(throughputOf(samples, 'raw')).toEqual({ recordsPerMinute: 60, series: [60] });
    expect(throughputOf(samples, 'other')).toEqual({ series: [] });
  });
});

describe('the stage sampler', () => {
  it('samples at once and on its timer, keeps a window, and reports failed samples', async () => {
    let clock = 0;
    let calls = 0;
    const errors: unknown[] = [];
    let closed = false;
    const probe: StageProbe = {
      async sample() {
        calls += 1;
        if (calls === 3) throw new Error('broker away');
        return { ends: { raw: calls * 10 }, lags: [{ group: 'g', topic: 'raw', lag: calls }] };
      },
      async close() {
        closed = true;
      },
    };
    const sampler = startStageSampler(probe, {
      intervalMs: 20,
      windowMs: 50,
      onError: (err) => errors.push(err),
      now: () => {
        clock += 20;
        return clock;
      },
    });
    await new Promise((r) => setTimeout(r, 150));
    await sampler.stop();
    const samples = sampler.samples();
    expect(calls).toBeGreaterThanOrEqual(5);
    expect(errors).toHaveLength(1);
    expect(closed).toBe(true);
    // Only samples within 50 ms of the newest remain, oldest first.
    const newest = samples[samples.length - 1]?.at ?? 0;
    expect(samples.length).toBeGreaterThanOrEqual(2);
    expect(samples.every((s) => newest - s.at <= 50)).toBe(true);
    expect(samples.map((s) => s.at)).toEqual([...samples.map((s) => s.at)].sort((a, b) => a - b));
    expect(samples.some((s) => s.ends.raw === 30)).toBe(false);
  });
});
