import { describe, expect, it } from 'vitest';
import {
  figure,
  measureInterleaved,
  median,
  quantile,
  ratio,
  timeInterleaved,
} from '../src/harness.js';

describe('median', () => {
  it('takes the middle value of an odd count, in any order', () => {
    expect(median([5, 1, 3])).toBe(3);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('is NaN for no values', () => {
    expect(median([])).toBeNaN();
  });
});

describe('quantile', () => {
  it('picks the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(values, 0.5)).toBe(50);
    expect(quantile(values, 0.99)).toBe(99);
    expect(quantile([7], 0.99)).toBe(7);
  });
});

describe('ratio', () => {
  it('divides the value by its reference', () => {
    expect(ratio(3, 4)).toBe(0.75);
  });

  it('is null when there is nothing to divide by', () => {
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(Number.NaN, 2)).toBeNull();
    expect(ratio(3, Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('figure', () => {
  it('carries the value, the reference and their ratio', () => {
    expect(figure('parse RSS', 2, 'MB/s', 'fast-xml-parser', 8)).toEqual({
      name: 'parse RSS',
      value: 2,
      unit: 'MB/s',
      reference: 8,
      ratio: 0.25,
      against: 'fast-xml-parser',
    });
  });
});

describe('timeInterleaved', () => {
  it('runs every contender in each round and keeps only the timed rounds', async () => {
    const calls: string[] = [];
    const seconds = await timeInterleaved(
      { a: () => calls.push('a'), b: () => calls.push('b') },
      { warmupRounds: 1, rounds: 2 },
    );
    expect(calls).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
    expect(seconds.a).toHaveLength(2);
    expect(seconds.b).toHaveLength(2);
  });
});

describe('measureInterleaved', () => {
  it('keeps what each contender measured of itself in the timed rounds', async () => {
    let calls = 0;
    const measures = await measureInterleaved(
      { a: async () => ++calls, b: async () => -++calls },
      { warmupRounds: 1, rounds: 2 },
    );
    expect(measures).toEqual({ a: [3, 5], b: [-4, -6] });
  });
});
