// `pnpm topics`: creates every topic of the catalogue on the cluster the common
// settings name, over TLS and SASL when they say so, as the services connect. It
// lives here, not in @wire/kafka, because reading the settings is the runtime's
// job: the adapter knows nothing of the environment.
import { clientConfigSchema, loadConfigOrExit } from '@wire/config';
import { allTopics, createKafkaClient, ensureTopics, topicCatalogue } from '@wire/kafka';
import { kafkaClientSettings, topicReplication } from '../connect-adapters.js';

const config = loadConfigOrExit(clientConfigSchema, process.env, 'topics');
const kafka = createKafkaClient(kafkaClientSettings(config, 'wire-topics'));
const specs = allTopics(topicCatalogue(config.WIRE_TOPIC_PREFIX, topicReplication(config)));
try {
  const created = await ensureTopics(kafka, specs);
  for (const spec of specs) {
    const state = created.includes(spec.name) ? 'created' : 'exists ';
    console.log(
      `${state}  ${spec.name.padEnd(36)} partitions=${spec.partitions} replicas=${spec.replicationFactor}  ${spec.purpose}`,
    );
  }
} catch (err) {
  console.error(`topics: ${(err as Error).message}`);
  process.exitCode = 1;
}
