import { randomUUID } from 'node:crypto';
import { connectRedis, type Redis } from '@wire/redis';
import { testRedisUrl } from '@wire/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisNearDuplicateIndex } from '../src/index.js';
import { nearDuplicateIndexContract } from './near-duplicates-contract.js';

describe('Redis near-duplicate index', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = await connectRedis({ url: testRedisUrl });
  });
  afterAll(async () => {
    await redis.quit();
  });

  nearDuplicateIndexContract((maxDistance) =>
    createRedisNearDuplicateIndex(redis, `test:nd:${randomUUID()}:`, {
      maxDistance,
      windowSeconds: 600,
    }),
  );

  it('puts the TTL of the window on every band it writes', async () => {
    const prefix = `test:nd:${randomUUID()}:`;
    const index = createRedisNearDuplicateIndex(redis, prefix, {
      maxDistance: 3,
      windowSeconds: 600,
    });
    await index.record({ hi: 1, lo: 2 }, 'urn:test:ttl', 'yna');
    const keys = await redis.keys(`${prefix}ndz:*`);
    expect(keys).toHaveLength(4);
    for (const key of keys) expect(await redis.ttl(key)).toBeGreaterThan(500);
  });

  it('forgets a story once the window has passed, though its bands are written again', async () => {
    const prefix = `test:nd:${randomUUID()}:`;
    let now = Date.parse('2026-12-07T00:00:00Z');
    const index = createRedisNearDuplicateIndex(
      redis,
      prefix,
      { maxDistance: 3, windowSeconds: 600 },
      () => now,
    );
    const fingerprint = { hi: 0x12345678, lo: 0x9abcdef0 };
    await index.record(fingerprint, 'urn:test:old', 'yna');
    now += 300_000;
    expect((await index.find(fingerprint, 'urn:test:new', 'yna'))?.of).toBe('urn:test:old');
    now += 301_000;
    expect(await index.find(fingerprint, 'urn:test:new', 'yna')).toBeUndefined();
    // The same bands written again, as a busy band always is: the old member goes.
    await index.record(fingerprint, 'urn:test:later', 'yna');
    for (const key of await redis.keys(`${prefix}ndz:*`)) {
      expect(await redis.zrange(key, 0, -1)).toEqual(['123456789abcdef0|yna|urn:test:later']);
    }
  });
});
