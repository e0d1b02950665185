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
      ttlSeconds: 600,
    }),
  );

  it('puts the TTL of the window on every band it writes', async () => {
    const prefix = `test:nd:${randomUUID()}:`;
    const index = createRedisNearDuplicateIndex(redis, prefix, { maxDistance: 3, ttlSeconds: 600 });
    await index.record({ hi: 1, lo: 2 }, 'urn:test:ttl', 'yna');
    const keys = await redis.keys(`${prefix}nd:*`);
    expect(keys).toHaveLength(4);
    for (const key of keys) expect(await redis.ttl(key)).toBeGreaterThan(500);
  });
});
