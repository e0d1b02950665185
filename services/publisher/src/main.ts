// Wires the publisher: consume wire.normalized.v1 and write each batch's public
// records, dead letters and consumer offsets in one Kafka transaction, so readers
// with read_committed never see an event twice.
import { createRoutedTopicEnsurer } from '@wire/kafka';
import { startStage, topicReplication } from '@wire/runtime';
import { loadPublisherConfig } from './config.js';
import { createPublishBatch } from './publish-batch.js';
import { createPublishedEvents } from './published-events.js';
import { createPublisherMetrics } from './publisher-metrics.js';
import { loadRoutes } from './routes.js';

const config = loadPublisherConfig(process.env);
const routes = loadRoutes(config.ROUTES_FILE);

await startStage({
  service: 'publisher',
  settings: config,
  input: (topics) => topics.normalized.name,
  output: (topics) => topics.articles.name,
  groupId: config.PUBLISHER_GROUP_ID,
  transactionalId: config.TRANSACTIONAL_ID,
  recordsPerTransaction: 500,
  setUp: ({ kafka, redis, topics, registry, logger }) => {
    const metrics = createPublisherMetrics(registry, {
      articles: topics.articles.name,
      latest: topics.latest.name,
      dlq: topics.dlq.name,
    });
    const ttlMs = config.DEDUPE_TTL_DAYS * 24 * 60 * 60 * 1000;
    return {
      handle: createPublishBatch({
        published: createPublishedEvents(redis, config.WIRE_REDIS_PREFIX, ttlMs),
        topics,
        routes,
        prefix: config.WIRE_TOPIC_PREFIX,
        // Routed topics are created the first time an event goes to them.
        ensureRoutedTopics: createRoutedTopicEnsurer(
          kafka,
          Object.values(topics).map((spec) => spec.name),
          topicReplication(config),
        ),
        metrics,
        logger,
      }),
      // A failed batch is delivered again, unless its transaction committed after all.
      onBatchFailed: (err) => metrics.recordFailedBatch(err),
      onBackendError: (err) => metrics.recordError(err),
      onRedisConnectionError: () => metrics.recordRedisConnectionError(),
      onStageFailure: () => metrics.recordStageFailure(),
      describe: { routes: routes.length },
    };
  },
});
