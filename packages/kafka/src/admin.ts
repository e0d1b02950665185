// Creates the topics of the catalogue that do not exist yet.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kafka } from 'kafkajs';
import { classifyKafkaError } from './errors.js';
import { routedTopicSpec, type TopicSpec } from './topics.js';

export async function ensureTopics(
  kafka: Kafka,
  specs: TopicSpec[],
  { timeoutMs = 30_000 } = {},
): Promise<string[]> {
  const created = new Set<string>();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      for (const name of await createMissing(kafka, specs)) created.add(name);
      return [...created];
    } catch (err) {
      const classified = classifyKafkaError(err);
      // A broker just started can create a topic and then deny hosting it for a
      // moment (UNKNOWN_TOPIC_OR_PARTITION while its metadata catches up).
      if (!classified.retryable || Date.now() > deadline) throw classified;
      await sleep(500);
    }
  }
}

async function createMissing(kafka: Kafka, specs: TopicSpec[]): Promise<string[]> {
  const admin = kafka.admin();
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
        replicationFactor: 1,
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
  kafka: Kafka,
  known: Iterable<string>,
): (names: string[]) => Promise<string[]> {
  const seen = new Set(known);
  return async (names) => {
    const missing = [...new Set(names)].filter((name) => !seen.has(name));
    if (missing.length === 0) return [];
    const created = await ensureTopics(kafka, missing.map(routedTopicSpec));
    for (const name of missing) seen.add(name);
    return created;
  };
}
