// Creates the topics of the catalogue that do not exist yet.
import { type KafkaClient, kafkajsOf } from './client.js';
import { classifyKafkaError } from './errors.js';
import { whileMetadataSettles } from './metadata-settling.js';
import {
  routedTopicSpec,
  singleNodeReplication,
  type TopicReplication,
  type TopicSpec,
} from './topics.js';

export async function ensureTopics(
  kafka: KafkaClient,
  specs: TopicSpec[],
  { timeoutMs = 30_000 } = {},
): Promise<string[]> {
  // Created by an attempt that then met an unsettled broker: still created by us.
  const created = new Set<string>();
  await whileMetadataSettles(async () => {
    for (const name of await createMissing(kafka, specs)) created.add(name);
  }, timeoutMs);
  return [...created];
}

async function createMissing(kafka: KafkaClient, specs: TopicSpec[]): Promise<string[]> {
  const admin = kafkajsOf(kafka).admin();
  try {
    await admin.connect();
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((spec) => !existing.has(spec.name));
    if (missing.length === 0) return [];
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((spec) => ({
        topic: spec.name,
        numPartitions: spec.partitions,
        replicationFactor: spec.replicationFactor,
        configEntries: Object.entries(spec.config).map(([name, value]) => ({ name, value })),
      })),
    });
    return missing.map((spec) => spec.name);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Creates routed topics the first time a record goes to them. `known` are the
 * names that already exist (the catalogue's); each name is checked once.
 */
export function createRoutedTopicEnsurer(
  kafka: KafkaClient,
  known: Iterable<string>,
  replication: TopicReplication = singleNodeReplication,
): (names: string[]) => Promise<string[]> {
  const seen = new Set(known);
  return async (names) => {
    const missing = [...new Set(names)].filter((name) => !seen.has(name));
    if (missing.length === 0) return [];
    const created = await ensureTopics(
      kafka,
      missing.map((name) => routedTopicSpec(name, replication)),
    );
    for (const name of missing) seen.add(name);
    return created;
  };
}

/** A partition's offsets: `high` is the next offset to be written. */
export interface PartitionOffsets {
  partition: number;
  low: string;
  high: string;
}

/** Where a consumer group stands in one partition (-1: it never committed there). */
export interface CommittedOffset {
  partition: number;
  offset: string;
}

/** Questions about offsets, over one admin connection kept open between them. */
export interface OffsetReader {
  endOffsets(topic: string): Promise<PartitionOffsets[]>;
  committed(groupId: string, topic: string): Promise<CommittedOffset[]>;
  /** Per partition, the first offset written at or after the time (-1: none that late). */
  offsetsAt(topic: string, at: Date): Promise<CommittedOffset[]>;
  close(): Promise<void>;
}

export function createOffsetReader(kafka: KafkaClient): OffsetReader {
  const admin = kafkajsOf(kafka).admin();
  let connected: Promise<void> | undefined;
  const ready = async () => {
    connected ??= admin.connect().catch((err: unknown) => {
      connected = undefined;
      throw classifyKafkaError(err);
    });
    await connected;
  };
  return {
    async endOffsets(topic) {
      await ready();
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets.map(({ partition, low, high }) => ({ partition, low, high }));
    },
    async committed(groupId, topic) {
      await ready();
      const [found] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return (found?.partitions ?? []).map(({ partition, offset }) => ({ partition, offset }));
    },
    async offsetsAt(topic, at) {
      await ready();
      const offsets = await admin.fetchTopicOffsetsByTimestamp(topic, at.getTime());
      return offsets.map(({ partition, offset }) => ({ partition, offset }));
    },
    async close() {
      if (connected) await admin.disconnect().catch(() => undefined);
      connected = undefined;
    },
  };
}
