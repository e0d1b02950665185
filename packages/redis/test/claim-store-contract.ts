// The behaviour every ClaimStore must have, run against the Redis store and the
// in-memory one alike.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { ClaimSettings, ClaimStore } from '../src/index.js';

export function claimStoreContract(makeStore: (settings: ClaimSettings) => ClaimStore): void {
  const store = () => makeStore({ pendingTtlMs: 60_000, doneTtlMs: 120_000 });
  const key = () => `test:claims:${randomUUID()}`;

  it('gives a fresh key to the first owner only', async () => {
    const s = store();
    const k = key();
    expect(await s.claim(k, 'a')).toBe('claimed');
    expect(await s.claim(k, 'b')).toBe('held-by-other');
  });

  it('recognises a retried claim by the same owner', async () => {
    const s = store();
    const k = key();
    expect(await s.claim(k, 'a')).toBe('claimed');
    expect(await s.claim(k, 'a')).toBe('claimed');
  });

  it('reports done after markDone, for every owner', async () => {
    const s = store();
    const k = key();
    await s.claim(k, 'a');
    await s.markDone(k);
    expect(await s.claim(k, 'a')).toBe('done');
    expect(await s.claim(k, 'b')).toBe('done');
  });

  it('lets another owner claim after a release, but not after a foreign release', async () => {
    const s = store();
    const k = key();
    await s.claim(k, 'a');
    await s.release(k, 'b');
    expect(await s.claim(k, 'b')).toBe('held-by-other');
    await s.release(k, 'a');
    expect(await s.claim(k, 'b')).toBe('claimed');
  });

  it("frees a crashed owner's claim when the pending TTL runs out", async () => {
    const s = makeStore({ pendingTtlMs: 50, doneTtlMs: 1_000 });
    const k = key();
    await s.claim(k, 'crashed');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await s.claim(k, 'b')).toBe('claimed');
  });
}
