// Creates the topics of the catalogue that do not exist yet.
import type { Kafka } from 'kafkajs';
import { classifyKafkaError } from './errors.js';
import type { TopicSpec } from './topics.js';

export async function ensureTopics(kafka: Kafka, specs: TopicSpec[]): Promise<string[]> {
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
  } catch (err) {
    throw classifyKafkaError(err);
  } finally {
    await admin.disconnect();
  }
}
