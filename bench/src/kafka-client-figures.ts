// The Kafka client benchmark's figures: each platformatic's measure against
// kafkajs's (the default) in the same run, so a ratio above 1 is platformatic
// faster (or, for latency and memory, higher).
import type { KafkaLibrary } from '@wire/kafka';
import type { EndToEndRun } from './end-to-end.js';
import { type Figure, figure, median, quantile } from './harness.js';
import { mb } from './process-stats.js';

/** What the benchmark measured of each client. */
export interface ClientMeasures {
  produce: {
    records: number;
    /** Bytes of value per record, on average. */
    recordBytes: number;
    sendsInFlight: number;
    recordsPerTransaction: number;
    /** Seconds per timed round. */
    acknowledged: Record<KafkaLibrary, number[]>;
    transactional: Record<KafkaLibrary, number[]>;
  };
  read: {
    records: number;
    recordsPerTransaction: number;
    /** Seconds per timed round, from the first run to the last commit. */
    seconds: Record<KafkaLibrary, number[]>;
    /** Seconds per timed round before the first run (group join, first fetch). */
    firstRunSeconds: Record<KafkaLibrary, number[]>;
  };
  endToEnd: Record<KafkaLibrary, EndToEndRun>;
}

const megabyte = 1e6;

const perLibrary = (pick: (library: KafkaLibrary) => number): Record<KafkaLibrary, number> => ({
  kafkajs: pick('kafkajs'),
  platformatic: pick('platformatic'),
});

function versus(
  name: string,
  unit: string,
  values: Record<KafkaLibrary, number>,
  note: string,
): Figure {
  return figure(
    `kafka client ${name}: platformatic`,
    values.platformatic,
    unit,
    `kafkajs, ${unit}`,
    values.kafkajs,
    note,
  );
}

export function kafkaClientFigures(m: ClientMeasures): Figure[] {
  const { produce, read, endToEnd } = m;
  const rateOf = (seconds: Record<KafkaLibrary, number[]>, amount: number) =>
    perLibrary((library) => amount / median(seconds[library]));
  const acknowledged = rateOf(produce.acknowledged, produce.records);
  const transactional = rateOf(produce.transactional, produce.records);
  const megabytes = (rate: number) => ((rate * produce.recordBytes) / megabyte).toFixed(1);
  const produceNote = (rate: Record<KafkaLibrary, number>) =>
    `${megabytes(rate.platformatic)} MB/s, kafkajs ${megabytes(rate.kafkajs)}; ` +
    `${produce.records} records of ${(produce.recordBytes / 1024).toFixed(1)} KiB a round`;
  const firstRun = perLibrary((library) => median(read.firstRunSeconds[library]));
  const run = (pick: (run: EndToEndRun) => number) => perLibrary((l) => pick(endToEnd[l]));
  return [
    versus(
      `produce acks=all, 1 record a send, ${produce.sendsInFlight} in flight`,
      'records/s',
      acknowledged,
      produceNote(acknowledged),
    ),
    versus(
      `produce in transactions of ${produce.recordsPerTransaction} records`,
      'records/s',
      transactional,
      produceNote(transactional),
    ),
    versus(
      `exactly-once loop read, ${read.recordsPerTransaction} records a transaction`,
      'records/s',
      rateOf(read.seconds, read.records),
      `${read.records} records, read_committed; first run after ` +
        `${firstRun.platformatic.toFixed(1)} s, kafkajs ${firstRun.kafkajs.toFixed(1)} s`,
    ),
    versus(
      'end to end, raw to public topic',
      'articles/s',
      run((r) => r.articlesPerSecond),
      `${endToEnd.kafkajs.articles} articles; the services on each client in turn, kafkajs first`,
    ),
    versus(
      'end to end latency p50, fetch to readable',
      'ms',
      run((r) => quantile(r.latencies, 0.5)),
      'under the full load',
    ),
    versus(
      'end to end latency p99, fetch to readable',
      'ms',
      run((r) => quantile(r.latencies, 0.99)),
      'under the full load',
    ),
    ...(['normalizer', 'publisher'] as const).map((stage) =>
      versus(
        `${stage} CPU an article, end to end`,
        'µs',
        run((r) => (r.cpuSeconds[stage] * 1e6) / r.articles),
        'its user and system time over the load (/proc), its GC and I/O threads included',
      ),
    ),
    versus(
      'normalizer peak RSS, end to end',
      'MB',
      run((r) => mb(r.peakRssBytes.normalizer)),
      'VmHWM: the whole process life',
    ),
    versus(
      'publisher peak RSS, end to end',
      'MB',
      run((r) => mb(r.peakRssBytes.publisher)),
      'VmHWM: the whole process life',
    ),
  ];
}
