import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, createClaimStore, type Redis } from '../src/index.js';
import { claimStoreContract } from './claim-store-contract.js';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('claim store against the real Redis', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = await connectRedis({ url });
  });
  afterAll(async () => {
    await redis.quit();
  });

  claimStoreContract((settings) => createClaimStore(redis, settings));

  it('puts a TTL on every key it writes', async () => {
    const store = createClaimStore(redis, { pendingTtlMs: 60_000, doneTtlMs: 120_000 });
    const key = `test:claims:${randomUUID()}`;
    await store.claim(key, 'a');
    expect(await redis.pttl(key)).toBeGreaterThan(50_000);
    await store.markDone(key);
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(60_000);
    expect(ttl).toBeLessThanOrEqual(120_000);
  });
});
