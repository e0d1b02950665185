// Times on the status page: how long ago or how soon, and the exact UTC time.
const units: [limitMs: number, sizeMs: number, unit: string][] = [
  [60_000, 1_000, 's'],
  [3_600_000, 60_000, 'min'],
  [172_800_000, 3_600_000, 'h'],
  [Number.POSITIVE_INFINITY, 86_400_000, 'd'],
];

/** "12 s ago", "3 min ago", "in 40 s"; "now" within a second. */
export function relativeTime(at: number, now: number): string {
  const distance = Math.abs(now - at);
  if (distance < 1_000) return 'now';
  const [, size, unit] = units.find(([limit]) => distance < limit) ?? [0, 86_400_000, 'd'];
  const amount = `${Math.floor(distance / size)} ${unit}`;
  return at < now ? `${amount} ago` : `in ${amount}`;
}

/** "2026-11-28 10:00:05 UTC". */
export function absoluteTime(at: number): string {
  return `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
