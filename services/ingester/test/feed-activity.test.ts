import { describe, expect, it } from 'vitest';
import { type ActivityState, isStrangelyQuiet, recordChange } from '../src/feed-activity.js';

const empty: ActivityState = { lastItems: [], itemsSeen: 0, gaps: 0, changes: 0 };
const ids = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `item-${from + i}`);

describe('recordChange', () => {
  it('counts new items and keeps the window for the next poll', () => {
    const first = recordChange(empty, ids(0, 10), 1_000);
    expect(first).toMatchObject({ newItems: 10, gap: false, state: { itemsSeen: 10, changes: 1 } });
    const second = recordChange(first.state, ids(3, 13), 2_000);
    expect(second).toMatchObject({
      newItems: 3,
      gap: false,
      state: { itemsSeen: 13, changeIntervalMs: 1_000 },
    });
  });

  it('reports a gap when a full window shares nothing with the last one', () => {
    const first = recordChange(empty, ids(0, 10), 0);
    expect(recordChange(first.state, ids(20, 30), 1).gap).toBe(true);
    // A shorter document with new items only is a feed that shrank, not a gap.
    expect(recordChange(first.state, ids(20, 25), 1).gap).toBe(false);
  });
});

describe('isStrangelyQuiet', () => {
  const busy = (lastChangedAt: number): ActivityState => ({
    ...empty,
    changes: 10,
    changeIntervalMs: 600_000,
    lastChangedAt,
  });

  it('flags a feed that usually changes every 10 minutes and has been silent for 40', () => {
    expect(isStrangelyQuiet(busy(0), 40 * 60_000, 60_000)).toBe(true);
    expect(isStrangelyQuiet(busy(0), 20 * 60_000, 60_000)).toBe(false);
  });

  it("says nothing before it knows the feed's pace", () => {
    expect(isStrangelyQuiet({ ...busy(0), changes: 2 }, 10 * 3_600_000, 60_000)).toBe(false);
  });
});
