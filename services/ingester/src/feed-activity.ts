// What a feed's polls say about the feed itself: how many items it showed, whether
// the last poll skipped past items (a gap: no item in common with the previous poll
// though the window was full), and whether a feed that usually moves has gone
// strangely quiet (no change for three times its usual pace).
import { createHash } from 'node:crypto';

export interface ActivityState {
  /** Short hashes of the item ids of the last changed document. */
  lastItems: string[];
  itemsSeen: number;
  gaps: number;
  lastChangedAt?: number;
  /** Moving average of the time between changes, ms. */
  changeIntervalMs?: number;
  changes: number;
}

export interface ActivityUpdate {
  state: ActivityState;
  newItems: number;
  gap: boolean;
}

const keptItems = 500;
const minimumChangesForPace = 5;

export function itemKey(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 12);
}

/** After a poll that found a changed document with these item ids. */
export function recordChange(
  previous: ActivityState,
  itemIds: string[],
  now: number,
): ActivityUpdate {
  const current = [...new Set(itemIds.map(itemKey))].slice(0, keptItems);
  const before = new Set(previous.lastItems);
  const newItems = current.filter((key) => !before.has(key)).length;
  // A full window with nothing in common: items may have come and gone between polls.
  const gap = before.size > 0 && current.length >= before.size && newItems === current.length;
  const interval = previous.lastChangedAt === undefined ? undefined : now - previous.lastChangedAt;
  const changeIntervalMs =
    interval === undefined
      ? previous.changeIntervalMs
      : previous.changeIntervalMs === undefined
        ? interval
        : Math.round(previous.changeIntervalMs * 0.8 + interval * 0.2);
  return {
    newItems,
    gap,
    state: {
      lastItems: current,
      itemsSeen: previous.itemsSeen + newItems,
      gaps: previous.gaps + (gap ? 1 : 0),
      lastChangedAt: now,
      ...(changeIntervalMs !== undefined && { changeIntervalMs }),
      changes: previous.changes + 1,
    },
  };
}

/** A feed that usually changes, silent for three times its usual pace and two of its intervals. */
export function isStrangelyQuiet(state: ActivityState, now: number, intervalMs: number): boolean {
  if (state.changes < minimumChangesForPace || state.lastChangedAt === undefined) return false;
  if (state.changeIntervalMs === undefined) return false;
  return now - state.lastChangedAt > Math.max(3 * state.changeIntervalMs, 2 * intervalMs);
}
