import { describe, expect, it } from 'vitest';
import { rememberCommitted } from '../src/remember-committed.js';

describe('rememberCommitted', () => {
  it('waits out failures, heartbeating between tries, and never throws', async () => {
    let tries = 0;
    let heartbeats = 0;
    const errors: unknown[] = [];
    const landed = await rememberCommitted(
      async () => {
        tries += 1;
        if (tries < 4) throw new Error('redis away');
      },
      {
        heartbeat: async () => {
          heartbeats += 1;
        },
        isRunning: () => true,
        onError: (err) => errors.push(err),
        maxDelayMs: 1,
      },
    );
    expect(landed).toBe(true);
    expect(tries).toBe(4);
    expect(heartbeats).toBe(3);
    expect(errors).toHaveLength(3);
  });

  it('gives up without throwing once the consumer is stopping', async () => {
    let running = true;
    let tries = 0;
    const landed = await rememberCommitted(
      async () => {
        tries += 1;
        if (tries === 2) running = false;
        throw new Error('redis away');
      },
      {
        heartbeat: async () => undefined,
        isRunning: () => running,
        onError: () => undefined,
        maxDelayMs: 1,
      },
    );
    expect(landed).toBe(false);
    expect(tries).toBe(2);
  });

  it('keeps going when the heartbeat itself fails', async () => {
    let tries = 0;
    const landed = await rememberCommitted(
      async () => {
        tries += 1;
        if (tries === 1) throw new Error('redis away');
      },
      {
        heartbeat: async () => {
          throw new Error('rebalancing');
        },
        isRunning: () => true,
        onError: () => undefined,
        maxDelayMs: 1,
      },
    );
    expect(landed).toBe(true);
    expect(tries).toBe(2);
  });
});
