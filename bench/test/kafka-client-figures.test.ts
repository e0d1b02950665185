import { describe, expect, it } from 'vitest';
import type { EndToEndRun } from '../src/end-to-end.js';
import { type ClientMeasures, kafkaClientFigures } from '../src/kafka-client-figures.js';

const noPhases = { runs: 0, records: 0, handleSeconds: 0, commitSeconds: 0, afterCommitSeconds: 0 };

const run = (articlesPerSecond: number, rssMb: number): EndToEndRun => ({
  articles: 100,
  articlesPerSecond,
  latencies: [10, 20, 30],
  peakRssBytes: { normalizer: rssMb * 2 ** 20, publisher: rssMb * 2 ** 20 },
  seconds: 100 / articlesPerSecond,
  phases: { normalizer: noPhases, publisher: noPhases },
  cpuSeconds: { normalizer: 1, publisher: rssMb / 100, broker: 1, redis: 1, bench: 1 },
});

const measures: ClientMeasures = {
  produce: {
    records: 100,
    recordBytes: 10_000,
    sendsInFlight: 4,
    recordsPerTransaction: 10,
    acknowledged: { kafkajs: [2, 1, 3], platformatic: [1] },
    transactional: { kafkajs: [1], platformatic: [4] },
  },
  read: {
    records: 50,
    recordsPerTransaction: 5,
    seconds: { kafkajs: [1], platformatic: [1] },
    firstRunSeconds: { kafkajs: [0.5], platformatic: [0.25] },
  },
  endToEnd: { kafkajs: run(200, 150), platformatic: run(100, 180) },
};

describe('kafkaClientFigures', () => {
  const figures = kafkaClientFigures(measures);
  const named = (start: string) => figures.find((f) => f.name.startsWith(start));

  it('gives platformatic against kafkajs, the median round of each', () => {
    const acked = named('kafka client produce acks=all');
    expect(acked).toMatchObject({ value: 100, reference: 50, ratio: 2, unit: 'records/s' });
    expect(acked?.name).toMatch(/: platformatic$/);
    expect(acked?.note).toContain('1.0 MB/s, kafkajs 0.5');
    expect(named('kafka client produce in transactions')?.ratio).toBe(0.25);
  });

  it('reads the end-to-end runs of each client, memory in MB', () => {
    expect(named('kafka client end to end, raw')?.ratio).toBe(0.5);
    expect(named('kafka client normalizer peak RSS')).toMatchObject({ value: 180, reference: 150 });
    // CPU seconds of the load over its 100 articles, in µs an article.
    expect(named('kafka client publisher CPU an article')).toMatchObject({
      value: 18_000,
      reference: 15_000,
    });
  });
});
