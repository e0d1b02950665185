// Wires the publisher: consume wire.normalized.v1 and write each batch's public
// records, dead letters and consumer offsets in one Kafka transaction, so readers
// with read_committed never see an event twice.
import { parseHostPort } from '@wire/config';
import {
  createPartitionProducers,
  createRoutedTopicEnsurer,
  type InputRecord,
  startTransactionalBatchConsumer,
  topicCatalogue,
} from '@wire/kafka';
import { createLogger } from '@wire/logging';
import {
  connectAdapters,
  createAdminLagSource,
  createMetricsRegistry,
  runService,
  startLagMonitor,
  startOpsServer,
} from '@wire/ops';
import { loadPublisherConfig } from './config.js';
import { eventIdsOf, planBatch } from './plan-batch.js';
import { createPublishedEvents } from './published-events.js';
import { createPublisherMetrics } from './publisher-metrics.js';
import { loadRoutes } from './routes.js';

const config = loadPublisherConfig(process.env);
const logger = createLogger({
  service: 'publisher',
  level: config.LOG_LEVEL,
  pretty: config.LOG_PRETTY,
});

await runService(
  async () => {
    const topics = topicCatalogue(config.WIRE_TOPIC_PREFIX);
    const { kafka, redis } = await connectAdapters({ service: 'publisher', ...config }, logger);
    const registry = createMetricsRegistry('publisher');
    const metrics = createPublisherMetrics(registry, {
      articles: topics.articles.name,
      latest: topics.latest.name,
      dlq: topics.dlq.name,
    });
    redis.on('error', () => metrics.recordRedisConnectionError());
    const published = createPublishedEvents(
      redis,
      config.WIRE_REDIS_PREFIX,
      config.DEDUPE_TTL_DAYS * 24 * 60 * 60 * 1000,
    );
    const routes = loadRoutes(config.ROUTES_FILE);
    // Routed topics are created the first time an event goes to them.
    const ensureRoutedTopics = createRoutedTopicEnsurer(
      kafka,
      Object.values(topics).map((spec) => spec.name),
    );
    const groupId = `${config.WIRE_TOPIC_PREFIX}${config.PUBLISHER_GROUP_ID}`;
    const producers = createPartitionProducers(
      kafka,
      `${config.WIRE_TOPIC_PREFIX}${config.TRANSACTIONAL_ID}`,
    );
    const consumer = await startTransactionalBatchConsumer(
      kafka,
      {
        groupId,
        topics: [topics.normalized.name],
        sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
        recordsPerTransaction: 500,
        // A failed batch is delivered again, unless its transaction committed after all.
        onBatchFailed: (err) => {
          metrics.recordFailedBatch(err);
          logger.warn({ err }, 'batch failed; going on from the committed offset');
        },
      },
      producers,
      async ({ topic, partition, records }) => {
        // The records before this batch went out in committed transactions: an id
        // written ahead from here on was not sent (see published-events.ts).
        const position = { partition, offset: (records[0] as InputRecord).offset };
        const alreadyPublished = await published.known(eventIdsOf(records), position);
        const plan = planBatch(
          records,
          {
            topics,
            routes,
            prefix: config.WIRE_TOPIC_PREFIX,
            source: { topic, partition },
            now: new Date(),
          },
          alreadyPublished,
        );
        const created = await ensureRoutedTopics([...plan.topicMessages.keys()]);
        if (created.length > 0) logger.info({ topics: created }, 'created routed topics');
        // Written ahead: whether the transaction commits is then known from the offsets.
        await published.sending(partition, plan.sent);
        return {
          records: plan.topicMessages,
          afterCommit: async () => {
            metrics.recordCommitted(plan, Date.now());
            // Out for good, whatever the consumer's position later says. A Redis away
            // now costs only this second guard: the ids written ahead stand.
            await published.remember([...plan.sent.keys()]).catch((err: unknown) => {
              metrics.recordError(err);
              logger.warn({ err, partition }, 'sent ids not marked; their write-ahead stands');
            });
            for (const letter of plan.deadLetters) logger.warn(letter, 'dead-lettered');
            logger.info(
              {
                partition,
                published: plan.published,
                duplicates: plan.duplicates,
                deadLetters: plan.deadLetters.length,
              },
              'batch published',
            );
          },
        };
      },
    );
    const ops = config.OPS_ADDRESS
      ? await startOpsServer({
          ...parseHostPort(config.OPS_ADDRESS),
          readiness: { consumer: () => consumer.isAssigned() },
          metrics: registry,
        })
      : undefined;
    const lag = startLagMonitor(
      registry,
      createAdminLagSource(kafka, groupId, [topics.normalized.name]),
      { intervalMs: 15_000, onError: (err) => metrics.recordError(err) },
    );
    logger.info(
      {
        from: topics.normalized.name,
        to: topics.articles.name,
        routes: routes.length,
        ops: ops?.url,
      },
      'consuming',
    );

    return {
      async stop() {
        await consumer.stop();
        await lag.stop();
        await ops?.close();
        await producers.disconnect();
        await redis.quit();
      },
    };
  },
  { logger, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS },
);
