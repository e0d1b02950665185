// Asks the broker, with one admin connection kept open, for each stage topic's end
// offsets and for how far the downstream consumer groups have committed.
import { createOffsetReader, type KafkaClient } from '@wire/kafka';
import { lagOf } from '@wire/ops';
import type { GroupLag, StageProbe } from './stage-throughput.js';

export interface WatchedGroup {
  group: string;
  topic: string;
}

export function createKafkaStageProbe(
  kafka: KafkaClient,
  topics: string[],
  groups: WatchedGroup[],
): StageProbe {
  const offsets = createOffsetReader(kafka);
  return {
    async sample() {
      const watched = [...new Set([...topics, ...groups.map((g) => g.topic)])];
      // A missing topic leaves its figures unknown; the other topics still count.
      const ends = await Promise.allSettled(watched.map((t) => offsets.endOffsets(t)));
      const partitionsOf = new Map(
        watched.map((topic, i) => {
          const result = ends[i];
          return [topic, result?.status === 'fulfilled' ? result.value : undefined];
        }),
      );
      const topicEnds: Record<string, number | undefined> = {};
      for (const topic of topics) {
        const partitions = partitionsOf.get(topic);
        topicEnds[topic] = partitions?.reduce((sum, p) => sum + Number(p.high), 0);
      }
      const lags = await Promise.all(
        groups.map(async ({ group, topic }): Promise<GroupLag> => {
          const partitions = partitionsOf.get(topic);
          if (!partitions) return { group, topic };
          try {
            const lag = lagOf(topic, partitions, await offsets.committed(group, topic));
            return { group, topic, lag: lag.reduce((sum, p) => sum + p.lag, 0) };
          } catch {
            return { group, topic };
          }
        }),
      );
      return { ends: topicEnds, lags };
    },
    close: () => offsets.close(),
  };
}
