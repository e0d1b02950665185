import { describe, expect, it } from 'vitest';
import { type LagSource, lagOf, startLagMonitor } from '../src/consumer-lag.js';
import { createMetricsRegistry } from '../src/index.js';

describe('consumer lag', () => {
  it("counts from the group's committed offset, or from the first record when it has none", () => {
    const ends = [
      { partition: 0, low: '0', high: '10' },
      { partition: 1, low: '4', high: '9' },
      { partition: 2, low: '0', high: '7' },
    ];
    const committed = [
      { partition: 0, offset: '8' },
      { partition: 1, offset: '-1' },
    ];
    expect(lagOf('raw', ends, committed)).toEqual([
      { topic: 'raw', partition: 0, lag: 2 },
      { topic: 'raw', partition: 1, lag: 5 },
      { topic: 'raw', partition: 2, lag: 7 },
    ]);
  });

  it('sets the gauge per partition, and drops stale values when the broker does not answer', async () => {
    const registry = createMetricsRegistry('normalizer');
    const errors: unknown[] = [];
    let answer: () => Promise<{ topic: string; partition: number; lag: number }[]> = async () => [
      { topic: 'raw', partition: 3, lag: 42 },
    ];
    let closed = false;
    const source: LagSource = {
      fetch: () => answer(),
      close: async () => {
        closed = true;
      },
    };
    const monitor = startLagMonitor(registry, source, {
      intervalMs: 60_000,
      onError: (err) => errors.push(err),
    });
    await monitor.refresh();
    expect(await registry.metrics()).toContain(
      'wire_consumer_lag_messages{topic="raw",partition="3",service="normalizer"} 42',
    );

    answer = async () => {
      throw new Error('no broker');
    };
    await monitor.refresh();
    expect(await registry.metrics()).not.toContain('wire_consumer_lag_messages{');
    expect(errors).toHaveLength(1);

    await monitor.stop();
    expect(closed).toBe(true);
  });
});
