import { EventEmitter } from 'node:events';
import type { BatchOutput, InputBatch } from '@wire/kafka';
import type { Redis } from '@wire/redis';
import { describe, expect, it } from 'vitest';
import { replicatedBeforeCommit } from '../src/index.js';

const batch: InputBatch = { topic: 't', partition: 0, records: [] };
const output: BatchOutput = { records: new Map() };

/** A Redis client as far as the wrapper sees it: WAIT answering `replicas`, and its events. */
function fakeRedis(replicas: number) {
  const events = new EventEmitter();
  const waits: [number, number][] = [];
  const redis = Object.assign(events, {
    async wait(wanted: number, timeoutMs: number) {
      waits.push([wanted, timeoutMs]);
      return replicas;
    },
  });
  return { redis: redis as unknown as Redis, events, waits };
}

describe('replicatedBeforeCommit', () => {
  it('leaves the handler alone without Sentinels or replicas to wait for', () => {
    const { redis } = fakeRedis(0);
    const handle = async () => output;
    expect(replicatedBeforeCommit(redis, {}, handle)).toBe(handle);
    expect(
      replicatedBeforeCommit(redis, { REDIS_SENTINELS: ['s:1'], REDIS_WAIT_REPLICAS: 0 }, handle),
    ).toBe(handle);
  });

  it('waits for one replica with Sentinels, after the handler, and passes its output on', async () => {
    const { redis, waits } = fakeRedis(1);
    const order: string[] = [];
    const handle = replicatedBeforeCommit(redis, { REDIS_SENTINELS: ['s:1'] }, async () => {
      order.push('handled');
      return output;
    });
    expect(await handle(batch)).toBe(output);
    expect(waits).toEqual([[1, 2_000]]);
    expect(order).toEqual(['handled']);
  });

  it('fails the run, to be tried again soon, when no replica confirmed its writes', async () => {
    const { redis } = fakeRedis(0);
    const handle = replicatedBeforeCommit(
      redis,
      { REDIS_WAIT_REPLICAS: 1, REDIS_WAIT_TIMEOUT_MS: 50 },
      async () => output,
    );
    await expect(handle(batch)).rejects.toMatchObject({
      code: 'REDIS_NOT_REPLICATED',
      kind: 'transient',
      retryDelayMs: 250,
    });
  });

  it('fails the run when the client connected again while it ran: WAIT vouches for one connection', async () => {
    const { redis, events } = fakeRedis(1);
    const handle = replicatedBeforeCommit(redis, { REDIS_SENTINELS: ['s:1'] }, async () => {
      events.emit('ready');
      return output;
    });
    await expect(handle(batch)).rejects.toMatchObject({ code: 'REDIS_NOT_REPLICATED' });
    // The next run, on the new connection throughout, commits.
    const next = replicatedBeforeCommit(redis, { REDIS_SENTINELS: ['s:1'] }, async () => output);
    expect(await next(batch)).toBe(output);
  });
});
