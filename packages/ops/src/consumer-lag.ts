// Consumer lag of this service's group, measured from outside the consumer: the
// group's committed offsets against each partition's end, asked of the broker
// with the admin client on a timer. A consumer that is stuck or gone keeps its
// lag growing here, which its own batch events (only sent while it fetches)
// could not show; and a slow broker never holds up a /metrics scrape.
import { createOffsetReader, type KafkaClient } from '@wire/kafka';
import { Gauge, type Registry } from 'prom-client';

export interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
}

interface PartitionEnd {
  partition: number;
  high: string;
  low: string;
}

interface CommittedOffset {
  partition: number;
  offset: string;
}

/**
 * Records between the group's committed offset and the partition's end. A
 * partition the group never committed counts from its first record, where a
 * new group starts reading.
 */
export function lagOf(
  topic: string,
  ends: PartitionEnd[],
  committed: CommittedOffset[],
): PartitionLag[] {
  return ends.map((end) => {
    const offset = Number(committed.find((c) => c.partition === end.partition)?.offset ?? -1);
    const position = offset < 0 ? Number(end.low) : offset;
    return { topic, partition: end.partition, lag: Math.max(0, Number(end.high) - position) };
  });
}

export interface LagSource {
  fetch(): Promise<PartitionLag[]>;
  close(): Promise<void>;
}

/** Asks the broker, with one admin connection kept open between fetches. */
export function createAdminLagSource(
  kafka: KafkaClient,
  groupId: string,
  topics: string[],
): LagSource {
  const offsets = createOffsetReader(kafka);
  return {
    async fetch() {
      const lags = await Promise.all(
        topics.map(async (topic) =>
          lagOf(topic, await offsets.endOffsets(topic), await offsets.committed(groupId, topic)),
        ),
      );
      return lags.flat();
    },
    close: () => offsets.close(),
  };
}

export interface LagMonitor {
  /** Fetches the lag once and replaces the gauge's values; the timer calls it. */
  refresh(): Promise<void>;
  stop(): Promise<void>;
}

export function startLagMonitor(
  registry: Registry,
  source: LagSource,
  settings: { intervalMs: number; onError: (err: unknown) => void },
): LagMonitor {
  const gauge = new Gauge({
    name: 'wire_consumer_lag_messages',
    help: "Records between the consumer group's committed offset and the end of the partition.",
    labelNames: ['topic', 'partition'],
    registers: [registry],
  });
  const update = async () => {
    try {
      const lags = await source.fetch();
      gauge.reset();
      for (const { topic, partition, lag } of lags) {
        gauge.set({ topic, partition: String(partition) }, lag);
      }
    } catch (err) {
      // No number beats a stale one: the Kafka error counter says why it is missing.
      gauge.reset();
      settings.onError(err);
    }
  };
  let inFlight: Promise<void> | undefined;
  const refresh = () => {
    inFlight ??= update().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
  void refresh();
  const timer = setInterval(() => void refresh(), settings.intervalMs);
  timer.unref();
  return {
    refresh,
    async stop() {
      clearInterval(timer);
      // Not waiting for a fetch in flight: with the broker gone it could outlast the shutdown.
      await source.close();
    },
  };
}
