// An in-memory ClaimStore for unit tests of pure stage logic. It passes the same
// contract suite as the Redis one (test/claim-store-contract.ts).
import type { ClaimSettings, ClaimStore } from './claims.js';

export function createMemoryClaimStore(
  settings: ClaimSettings,
  now: () => number = Date.now,
): ClaimStore {
  const entries = new Map<string, { value: string; expiresAt: number }>();
  const read = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) entries.delete(key);
    return entries.get(key)?.value;
  };
  return {
    async claim(key, owner) {
      const mine = `pending:${owner}`;
      const previous = read(key);
      if (previous === undefined) {
        entries.set(key, { value: mine, expiresAt: now() + settings.pendingTtlMs });
        return 'claimed';
      }
      if (previous === mine) return 'claimed';
      return previous === 'done' ? 'done' : 'held-by-other';
    },
    async markDone(key) {
      entries.set(key, { value: 'done', expiresAt: now() + settings.doneTtlMs });
    },
    async release(key, owner) {
      if (read(key) === `pending:${owner}`) entries.delete(key);
    },
  };
}
