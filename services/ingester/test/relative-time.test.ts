import { describe, expect, it } from 'vitest';
import { absoluteTime, relativeTime } from '../src/relative-time.js';

const now = Date.parse('2026-11-28T10:00:00Z');

describe('times on the status page', () => {
  it('says how long ago in the largest whole unit that fits', () => {
    expect(relativeTime(now - 400, now)).toBe('now');
    expect(relativeTime(now - 12_500, now)).toBe('12 s ago');
    expect(relativeTime(now - 3 * 60_000 - 59_000, now)).toBe('3 min ago');
    expect(relativeTime(now - 5 * 3_600_000, now)).toBe('5 h ago');
    expect(relativeTime(now - 4 * 86_400_000, now)).toBe('4 d ago');
  });

  it('says how soon for a time to come', () => {
    expect(relativeTime(now + 40_000, now)).toBe('in 40 s');
    expect(relativeTime(now + 90 * 60_000, now)).toBe('in 1 h');
  });

  it('gives the exact time in UTC', () => {
    expect(absoluteTime(Date.parse('2026-11-28T09:07:05.123+09:00'))).toBe(
      '2026-11-28 00:07:05 UTC',
    );
  });
});
