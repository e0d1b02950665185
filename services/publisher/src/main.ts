// Wires the publisher: consume wire.normalized.v1 and write each batch's public
// records, dead letters and consumer offsets in one Kafka transaction, so readers
// with read_committed never see an event twice.
import { parseHostPort } from '@wire/config';
import {
  createPartitionProducers,
  createRoutedTopicEnsurer,
  createTransactionRecovery,
  nextOffset,
  readHeaders,
  subscribeConsumer,
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
import type { Message } from 'kafkajs';
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
    // A producer per input partition: a paused instance cannot commit after its partition moved on.
    const producers = createPartitionProducers(
      kafka,
      `${config.WIRE_TOPIC_PREFIX}${config.TRANSACTIONAL_ID}`,
    );
    const { consumer, running } = await subscribeConsumer(kafka, {
      groupId,
      topics: [topics.normalized.name],
      sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
    });
    const recovery = createTransactionRecovery(kafka, consumer, producers, groupId);
    // A batch that throws is counted as failed, and kafkajs delivers it again.
    const counted = metrics.countingFailures;
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: counted(async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        if (batch.messages.length === 0 || !isRunning() || isStale()) return;
        // A failed transaction before: go on from where the group really stands.
        const firstOffset = batch.firstOffset() ?? '0';
        if (await recovery.settle(batch.topic, batch.partition, firstOffset)) return;
        const messages = batch.messages.map((message) => ({
          key: message.key,
          value: message.value,
          headers: readHeaders(message.headers),
          offset: message.offset,
        }));
        // The records before this batch went out in committed transactions: an id
        // written ahead from here on was not sent (see published-events.ts).
        const position = { partition: batch.partition, offset: messages[0]?.offset ?? firstOffset };
        const alreadyPublished = await published.known(eventIdsOf(messages), position);
        const plan = planBatch(
          messages,
          {
            topics,
            routes,
            prefix: config.WIRE_TOPIC_PREFIX,
            source: { topic: batch.topic, partition: batch.partition },
            now: new Date(),
          },
          alreadyPublished,
        );
        const created = await ensureRoutedTopics([...plan.topicMessages.keys()]);
        if (created.length > 0) logger.info({ topics: created }, 'created routed topics');
        const producer = await producers.forPartition(batch.topic, batch.partition);
        // Written ahead: whether the transaction commits is then known from the offsets.
        await published.sending(batch.partition, plan.sent);
        try {
          await producer.inTransaction(async (transaction) => {
            if (plan.topicMessages.size > 0) {
              await transaction.sendBatch({
                acks: -1,
                topicMessages: [...plan.topicMessages].map(([topic, records]) => ({
                  topic,
                  messages: records as Message[],
                })),
              });
            }
            await transaction.sendOffsets({
              consumerGroupId: groupId,
              topics: [
                {
                  topic: batch.topic,
                  partitions: [
                    { partition: batch.partition, offset: nextOffset(batch.lastOffset()) },
                  ],
                },
              ],
            });
          });
        } catch (err) {
          // It may have committed all the same: go on from the group's committed offset.
          metrics.recordFailedBatch(err);
          logger.warn({ err, partition: batch.partition }, 'batch transaction failed');
          recovery.doubt(batch.topic, batch.partition);
          await recovery.settle(batch.topic, batch.partition, firstOffset);
          return;
        }
        metrics.recordCommitted(plan, Date.now());
        resolveOffset(batch.lastOffset());
        for (const letter of plan.deadLetters) logger.warn(letter, 'dead-lettered');
        await heartbeat();
        logger.info(
          {
            partition: batch.partition,
            published: plan.published,
            duplicates: plan.duplicates,
            deadLetters: plan.deadLetters.length,
          },
          'batch published',
        );
      }),
    });
    const ops = config.OPS_ADDRESS
      ? await startOpsServer({
          ...parseHostPort(config.OPS_ADDRESS),
          readiness: { consumer: () => running.isAssigned() },
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
        await consumer.disconnect();
        await lag.stop();
        await ops?.close();
        await recovery.close();
        await producers.disconnect();
        await redis.quit();
      },
    };
  },
  { logger, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS },
);
