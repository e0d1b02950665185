import { randomUUID } from 'node:crypto';
import { connectRedis, type Redis } from '@wire/redis';
import { testRedisUrl } from '@wire/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedStateStore, createLeaseStore } from '../src/index.js';

describe('feed leases against the real Redis', () => {
  let redis: Redis;
  const prefix = `test:lease:${randomUUID()}:`;
  beforeAll(async () => {
    redis = await connectRedis({ url: testRedisUrl });
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('gives a feed to one instance at a time and renews it for the holder', async () => {
    const a = createLeaseStore(redis, prefix, 'a');
    const b = createLeaseStore(redis, prefix, 'b');
    const lease = await a.acquire('f1', 10_000);
    expect(lease?.token).toBe(1);
    expect(await b.acquire('f1', 10_000)).toBeUndefined();
    expect(await a.acquire('f1', 10_000)).toEqual(lease);
    expect(await a.holds(lease as never)).toBe(true);
  });

  it('lets another instance take an expired lease, with a higher fencing token', async () => {
    const a = createLeaseStore(redis, prefix, 'a');
    const b = createLeaseStore(redis, prefix, 'b');
    const first = await a.acquire('f2', 50);
    await new Promise((r) => setTimeout(r, 120));
    const second = await b.acquire('f2', 10_000);
    expect(second?.token).toBe((first?.token ?? 0) + 1);
    expect(await a.holds(first as never)).toBe(false);
  });

  it('refuses feed state written by an instance whose lease was taken over', async () => {
    const a = createLeaseStore(redis, prefix, 'a');
    const b = createLeaseStore(redis, prefix, 'b');
    const state = createFeedStateStore(redis, prefix);
    const old = await a.acquire('f3', 50);
    await new Promise((r) => setTimeout(r, 120));
    const current = await b.acquire('f3', 10_000);
    expect(await state.update('f3', { sha256: 'new' }, `b:${current?.token}`)).toBe(true);
    expect(await state.update('f3', { sha256: 'stale' }, `a:${old?.token}`)).toBe(false);
    expect((await state.get('f3')).sha256).toBe('new');
  });

  it('hands a released lease over at once', async () => {
    const a = createLeaseStore(redis, prefix, 'a');
    const b = createLeaseStore(redis, prefix, 'b');
    const lease = await a.acquire('f4', 60_000);
    await a.release(lease as never);
    expect(await b.acquire('f4', 60_000)).toBeDefined();
  });
});
