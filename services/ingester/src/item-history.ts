// New items per feed and hour, for the status page's sparklines: a Redis hash per
// feed (`feed-items:<id>`, see the key catalogue in @wire/redis) whose fields are UTC hours ('2026-11-28T10') and values
// counts. Written with the feed's state after a publish (see feed-state.ts).

/** Hours the status page shows, the current (partial) hour included. */
export const hoursKept = 24;

/** The hash outlives its newest count by the window plus an hour, then expires. */
export const itemHistoryTtlSeconds = (hoursKept + 2) * 60 * 60;

const hourMs = 60 * 60 * 1000;

/** The UTC hour a time falls in, as a field name that sorts in time order. */
export function hourFieldOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 13);
}

/** Fields before this one are older than the window and may be deleted. */
export function oldestKeptHourField(now: number): string {
  return hourFieldOf(now - (hoursKept - 1) * hourMs);
}

/** Counts for the last `hoursKept` hours, oldest first; hours with no field count 0. */
export function itemsPerHour(fields: Record<string, string>, now: number): number[] {
  return Array.from({ length: hoursKept }, (_, i) => {
    const count = Number(fields[hourFieldOf(now - (hoursKept - 1 - i) * hourMs)] ?? 0);
    return Number.isFinite(count) && count > 0 ? count : 0;
  });
}
