// Claim/done markers that let several workers publish each item exactly once
// without Redis ever making an item disappear:
//   claim    SET key pending:<owner> NX PX ttl GET  (a retried claim recognises its own write)
//   done     SET key done PX ttl                    (only after Kafka acknowledged)
//   release  DEL key if it still holds our pending marker (publishing failed)
// A pending marker expires, so a crashed owner's items are claimed again.
import type { Redis } from 'ioredis';
import { compareAndDelete } from './compare-and-delete.js';

export type ClaimOutcome = 'claimed' | 'done' | 'held-by-other';

export interface ClaimStore {
  claim(key: string, owner: string): Promise<ClaimOutcome>;
  markDone(key: string): Promise<void>;
  release(key: string, owner: string): Promise<void>;
}

export interface ClaimSettings {
  pendingTtlMs: number;
  doneTtlMs: number;
}

const doneMarker = 'done';

export function createClaimStore(redis: Redis, settings: ClaimSettings): ClaimStore {
  const deleteIfHeld = compareAndDelete(redis);
  return {
    async claim(key, owner) {
      const mine = `pending:${owner}`;
      const previous = await redis.set(key, mine, 'PX', settings.pendingTtlMs, 'NX', 'GET');
      if (previous === null || previous === mine) return 'claimed';
      return previous === doneMarker ? 'done' : 'held-by-other';
    },
    async markDone(key) {
      await redis.set(key, doneMarker, 'PX', settings.doneTtlMs);
    },
    async release(key, owner) {
      await deleteIfHeld(key, `pending:${owner}`);
    },
  };
}
