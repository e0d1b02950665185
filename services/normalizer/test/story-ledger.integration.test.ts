import { connectRedis, type Redis } from '@wire/redis';
import { testRedisUrl } from '@wire/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStoryLedger } from '../src/index.js';
import { storyLedgerContract } from './story-ledger-contract.js';

describe('Redis story ledger', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = await connectRedis({ url: testRedisUrl });
  });
  afterAll(async () => {
    await redis.quit();
  });

  storyLedgerContract(() => createRedisStoryLedger(redis, 'test:ledger:', 3600));

  it('puts a TTL on the story key', async () => {
    await createRedisStoryLedger(redis, 'test:ledger-ttl:', 3600).place('urn:test:ttl', {
      eventId: 'e',
      rank: 1,
      revision: 'r',
      kill: false,
    });
    const ttl = await redis.ttl('test:ledger-ttl:story:urn:test:ttl');
    expect(ttl).toBeGreaterThan(3500);
    expect(ttl).toBeLessThanOrEqual(3600);
  });
});
