import { randomUUID } from 'node:crypto';
import { connectRedis, type Redis } from '@wire/redis';
import { testRedisUrl } from '@wire/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFeedStateStore,
  createLeaseStore,
  listPolledFeeds,
  readFeedHealth,
} from '../src/index.js';

describe('feed health and hourly item counts against the real Redis', () => {
  let redis: Redis;
  const prefix = `test:health:${randomUUID()}:`;
  const at = (iso: string) => Date.parse(iso);
  beforeAll(async () => {
    redis = await connectRedis({ url: testRedisUrl });
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('counts new items in their hour with the state write, and drops hours past the window', async () => {
    const state = createFeedStateStore(redis, prefix);
    await state.update('f1', { lastStatus: '200' }, undefined, {
      count: 3,
      at: at('2026-11-27T09:10:00Z'),
    });
    await state.update('f1', { lastStatus: '200' }, undefined, {
      count: 5,
      at: at('2026-11-28T10:05:00Z'),
    });
    await state.update('f1', { lastStatus: '200' }, undefined, {
      count: 2,
      at: at('2026-11-28T10:50:00Z'),
    });
    // Nothing new: no field written.
    await state.update('f1', { lastStatus: '304' }, undefined, {
      count: 0,
      at: at('2026-11-28T11:00:00Z'),
    });
    const fields = await redis.hgetall(`${prefix}feed-items:f1`);
    expect(fields).toEqual({ '2026-11-28T10': '7' });
    const ttl = await redis.ttl(`${prefix}feed-items:f1`);
    expect(ttl).toBeGreaterThan(25 * 3600);
    expect(ttl).toBeLessThanOrEqual(26 * 3600);
  });

  it('does not count the items of an instance whose lease was taken over', async () => {
    const a = createLeaseStore(redis, prefix, 'a');
    const b = createLeaseStore(redis, prefix, 'b');
    const state = createFeedStateStore(redis, prefix);
    const old = await a.acquire('f2', 30);
    await new Promise((r) => setTimeout(r, 80));
    const current = await b.acquire('f2', 10_000);
    const now = Date.now();
    expect(
      await state.update('f2', { lastStatus: '200' }, `a:${old?.token}`, { count: 9, at: now }),
    ).toBe(false);
    expect(
      await state.update('f2', { lastStatus: '200' }, `b:${current?.token}`, { count: 4, at: now }),
    ).toBe(true);
    expect(await redis.hvals(`${prefix}feed-items:f2`)).toEqual(['4']);
  });

  it('reads every polled feed with its lease holder, next poll and items per hour', async () => {
    const state = createFeedStateStore(redis, prefix);
    const now = Date.now();
    await state.update(
      'f3',
      {
        lastAttemptAt: new Date(now).toISOString(),
        lastSuccessAt: new Date(now).toISOString(),
        lastStatus: '200',
        nextPollAt: new Date(now + 60_000).toISOString(),
        itemsSeen: 11,
        quiet: '0',
      },
      undefined,
      { count: 11, at: now },
    );
    await redis.set(`${prefix}lease:f3`, 'host-a-123:7', 'EX', 60);
    expect(await listPolledFeeds(redis, prefix)).toEqual(['f1', 'f2', 'f3']);
    const [f3, missing] = await readFeedHealth(redis, prefix, { feeds: ['f3', 'nope'], now });
    expect(f3).toMatchObject({
      feed: 'f3',
      status: '200',
      itemsSeen: 11,
      quiet: false,
      polledBy: 'host-a-123',
      nextPollAt: new Date(now + 60_000).toISOString(),
    });
    expect(f3?.itemsPerHour).toHaveLength(24);
    expect(f3?.itemsPerHour[23]).toBe(11);
    expect(missing).toEqual({
      feed: 'nope',
      consecutiveFailures: 0,
      documentsPublished: 0,
      itemsSeen: 0,
      gaps: 0,
      quiet: false,
      pagesPublished: 0,
      pagesFailed: 0,
      itemsPerHour: Array.from({ length: 24 }, () => 0),
    });
  });
});
