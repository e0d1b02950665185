// Asks the broker, with one admin connection kept open, for each stage topic's end
// offsets and for how far the downstream consumer groups have committed.
import type { Kafka } from '@wire/kafka';
import { lagOf } from '@wire/ops';
import type { GroupLag, StageProbe } from './stage-throughput.js';

export interface WatchedGroup {
  group: string;
  topic: string;
}

export function createKafkaStageProbe(
  kafka: Kafka,
  topics: string[],
  groups: WatchedGroup[],
): StageProbe {
  const admin = kafka.admin();
  let connected: Promise<void> | undefined;
  return {
    async sample() {
      connected ??= admin.connect().catch((err) => {
        connected = undefined;
        throw err;
      });
      await connected;
      const watched = [...new Set([...topics, ...groups.map((g) => g.topic)])];
      // A missing topic leaves its figures unknown; the other topics still count.
      const offsets = await Promise.allSettled(watched.map((t) => admin.fetchTopicOffsets(t)));
      const partitionsOf = new Map(
        watched.map((topic, i) => {
          const result = offsets[i];
          return [topic, result?.status === 'fulfilled' ? result.value : undefined];
        }),
      );
      const ends: Record<string, number | undefined> = {};
      for (const topic of topics) {
        const partitions = partitionsOf.get(topic);
        ends[topic] = partitions?.reduce((sum, p) => sum + Number(p.high), 0);
      }
      const lags = await Promise.all(
        groups.map(async ({ group, topic }): Promise<GroupLag> => {
          const partitions = partitionsOf.get(topic);
          if (!partitions) return { group, topic };
          try {
            const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
            const lag = lagOf(topic, partitions, committed?.partitions ?? []);
            return { group, topic, lag: lag.reduce((sum, p) => sum + p.lag, 0) };
          } catch {
            return { group, topic };
          }
        }),
      );
      return { ends, lags };
    },
    async close() {
      if (connected) await admin.disconnect().catch(() => undefined);
    },
  };
}
