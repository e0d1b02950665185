import { connectRedis, type Redis } from '@wire/redis';
import { testRedisUrl, uniqueNamespace } from '@wire/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublishedEvents } from '../src/index.js';

describe('published events in Redis', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = await connectRedis({ url: testRedisUrl });
  });
  afterAll(async () => {
    await redis.quit();
  });
  const fresh = () => createPublishedEvents(redis, uniqueNamespace('published'), 60_000);

  it('counts an id written ahead as out only once the partition moved past its record', async () => {
    const events = fresh();
    await events.sending(3, new Map([['e1', '41']]));
    // The transaction that carried offset 41 may not have committed: the batch
    // at 41 (or before it) is that transaction done again.
    expect(await events.known(['e1'], { partition: 3, offset: '40' })).toEqual(new Set());
    expect(await events.known(['e1'], { partition: 3, offset: '41' })).toEqual(new Set());
    // A batch after it: the partition's position moved past 41 only by a commit.
    expect(await events.known(['e1'], { partition: 3, offset: '42' })).toEqual(new Set(['e1']));
    // Offsets compare as numbers, not as text.
    expect(await events.known(['e1'], { partition: 3, offset: '100' })).toEqual(new Set(['e1']));
  });

  it('counts an id from another partition, or without a position, as out', async () => {
    const events = fresh();
    await events.sending(1, new Map([['e2', '900']]));
    expect(await events.known(['e2'], { partition: 2, offset: '0' })).toEqual(new Set(['e2']));
    expect(await events.known(['e2'])).toEqual(new Set(['e2']));
  });

  it('remembers ids for good, whatever the position, and knows nothing it was not told', async () => {
    const events = fresh();
    await events.remember(['e3']);
    expect(await events.known(['e3', 'e4'], { partition: 0, offset: '0' })).toEqual(
      new Set(['e3']),
    );
  });

  it('puts the TTL on every id', async () => {
    const prefix = uniqueNamespace('published');
    const events = createPublishedEvents(redis, prefix, 60_000);
    await events.sending(0, new Map([['e5', '1']]));
    await events.remember(['e6']);
    for (const id of ['e5', 'e6']) {
      const ttl = await redis.pttl(`${prefix}published:${id}`);
      expect(ttl).toBeGreaterThan(50_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
    }
  });
});
