// `pnpm topics`: creates every topic of the catalogue on the configured cluster.
import { ensureTopics } from '../admin.js';
import { createKafkaClient } from '../client.js';
import { allTopics, topicCatalogue } from '../topics.js';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const prefix = process.env.WIRE_TOPIC_PREFIX ?? '';
const kafka = createKafkaClient({ brokers, clientId: 'wire-topics' });
const specs = allTopics(topicCatalogue(prefix));
const created = await ensureTopics(kafka, specs);
for (const spec of specs) {
  const state = created.includes(spec.name) ? 'created' : 'exists ';
  console.log(`${state}  ${spec.name.padEnd(36)} partitions=${spec.partitions}  ${spec.purpose}`);
}
