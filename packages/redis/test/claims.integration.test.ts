import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClaimStore, connectRedis, createClaimStore, type Redis } from '../src/index.js';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('claim store against the real Redis', () => {
  let redis: Redis;
  let store: ClaimStore;
  const key = () => `test:claims:${randomUUID()}`;

  beforeAll(async () => {
    redis = await connectRedis({ url });
    store = createClaimStore(redis, { pendingTtlMs: 60_000, doneTtlMs: 120_000 });
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('gives a fresh key to the first owner only', async () => {
    const k = key();
    expect(await store.claim(k, 'a')).toBe('claimed');
    expect(await store.claim(k, 'b')).toBe('held-by-other');
  });

  it('recognises a retried claim by the same owner', async () => {
    const k = key();
    expect(await store.claim(k, 'a')).toBe('claimed');
    expect(await store.claim(k, 'a')).toBe('claimed');
  });

  it('reports done after markDone, for every owner, with a TTL on the key', async () => {
    const k = key();
    await store.claim(k, 'a');
    await store.markDone(k);
    expect(await store.claim(k, 'a')).toBe('done');
    expect(await store.claim(k, 'b')).toBe('done');
    const ttl = await redis.pttl(k);
    expect(ttl).toBeGreaterThan(60_000);
    expect(ttl).toBeLessThanOrEqual(120_000);
  });

  it('lets another owner claim after a release, but not after a foreign release', async () => {
    const k = key();
    await store.claim(k, 'a');
    await store.release(k, 'b');
    expect(await store.claim(k, 'b')).toBe('held-by-other');
    await store.release(k, 'a');
    expect(await store.claim(k, 'b')).toBe('claimed');
  });

  it("frees a crashed owner's claim when the pending TTL runs out", async () => {
    const shortLived = createClaimStore(redis, { pendingTtlMs: 50, doneTtlMs: 1_000 });
    const k = key();
    await shortLived.claim(k, 'crashed');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await shortLived.claim(k, 'b')).toBe('claimed');
  });
});
