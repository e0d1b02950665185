import { describe, expect, it } from 'vitest';
import { hourFieldOf, hoursKept, itemsPerHour, oldestKeptHourField } from '../src/item-history.js';

const at = (iso: string) => Date.parse(iso);

describe('hourly item counts', () => {
  it('names each UTC hour so that the names sort in time order', () => {
    expect(hourFieldOf(at('2026-11-28T10:59:59.999Z'))).toBe('2026-11-28T10');
    expect(hourFieldOf(at('2026-11-28T11:00:00.000Z'))).toBe('2026-11-28T11');
    expect(hourFieldOf(at('2026-12-31T23:30:00Z')) < hourFieldOf(at('2027-01-01T00:10:00Z'))).toBe(
      true,
    );
  });

  it('keeps the current hour and the 23 before it', () => {
    expect(oldestKeptHourField(at('2026-11-28T10:20:00Z'))).toBe('2026-11-27T11');
    expect(hoursKept).toBe(24);
  });

  it('lays the counts out oldest first, 0 for hours without a field, the current hour last', () => {
    const now = at('2026-11-28T10:20:00Z');
    const series = itemsPerHour(
      {
        '2026-11-28T10': '4',
        '2026-11-28T08': '7',
        '2026-11-27T11': '2',
        // Older than the window, and a value that is not a count.
        '2026-11-27T10': '99',
        '2026-11-28T09': 'x',
      },
      now,
    );
    expect(series).toHaveLength(24);
    expect(series[0]).toBe(2);
    expect(series[21]).toBe(7);
    expect(series[22]).toBe(0);
    expect(series[23]).toBe(4);
    expect(series.reduce((a, b) => a + b, 0)).toBe(13);
  });
});
