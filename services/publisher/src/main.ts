// Wires the publisher: consume wire.normalized.v1 and write each batch's public
// records, dead letters and consumer offsets in one Kafka transaction, so readers
// with read_committed never see an event twice.
import { parseHostPort } from '@wire/config';
import {
  connectTransactionalProducer,
  createConsumer,
  createKafkaClient,
  ensureTopics,
  nextOffset,
  readHeaders,
  routedTopicSpec,
  toKafkaHeaders,
  topicCatalogue,
} from '@wire/kafka';
import { createLogger } from '@wire/logging';
import { runService, startOpsServer } from '@wire/ops';
import { deadLetterHeaders } from '@wire/schema';
import { loadPublisherConfig } from './config.js';
import { routeArticle } from './route-article.js';
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
    const routes = loadRoutes(config.ROUTES_FILE);
    // Routed topics are created the first time an event goes to them.
    const knownTopics = new Set(Object.values(topics).map((spec) => spec.name));
    const ensureRouted = async (names: string[]) => {
      const missing = names.filter((name) => !knownTopics.has(name));
      if (missing.length === 0) return;
      const created = await ensureTopics(kafka, missing.map(routedTopicSpec));
      for (const name of missing) knownTopics.add(name);
      if (created.length > 0) logger.info({ topics: created }, 'created routed topics');
    };
    const groupId = `${config.WIRE_TOPIC_PREFIX}${config.PUBLISHER_GROUP_ID}`;
    const kafkaLog = logger.child({ component: 'kafka' });
    const kafka = createKafkaClient({
      brokers: config.KAFKA_BROKERS,
      clientId: config.KAFKA_CLIENT_ID ?? 'wire-publisher',
      onLog: (level, msg, extra) => kafkaLog[level](extra, msg),
    });
    const producer = await connectTransactionalProducer(
      kafka,
      `${config.WIRE_TOPIC_PREFIX}${config.TRANSACTIONAL_ID}`,
    );
    const consumer = createConsumer(kafka, { groupId });
    let assigned = false;
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      assigned = Object.keys(event.payload.memberAssignment).length > 0;
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [topics.normalized.name], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        if (batch.messages.length === 0 || !isRunning() || isStale()) return;
        let published = 0;
        let deadLetters = 0;
        const routedBatch = batch.messages.map((message) => ({
          message,
          routed: routeArticle(message.value, topics, routes, config.WIRE_TOPIC_PREFIX),
        }));
        await ensureRouted(
          routedBatch.flatMap(({ routed }) =>
            routed.kind === 'publish' ? routed.records.map((r) => r.topic) : [],
          ),
        );
        await producer.inTransaction(async (transaction) => {
          for (const { message, routed } of routedBatch) {
            if (routed.kind === 'dead-letter') {
              const origin = {
                stage: 'publisher' as const,
                topic: batch.topic,
                partition: batch.partition,
                offset: message.offset,
              };
              const headers = deadLetterHeaders(
                origin,
                routed.reason,
                readHeaders(message.headers),
                new Date(),
              );
              await transaction.send({
                topic: topics.dlq.name,
                acks: -1,
                messages: [
                  { key: message.key, value: message.value, headers: toKafkaHeaders(headers) },
                ],
              });
              logger.warn({ reason: routed.reason.code, offset: message.offset }, 'dead-lettered');
              deadLetters++;
              continue;
            }
            for (const record of routed.records) {
              await transaction.send({
                topic: record.topic,
                acks: -1,
                messages: [
                  { key: record.key, value: record.value, headers: toKafkaHeaders(record.headers) },
                ],
              });
            }
            published++;
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
        resolveOffset(batch.lastOffset());
        await heartbeat();
        logger.info({ partition: batch.partition, published, deadLetters }, 'batch published');
      },
    });
    const ops = config.OPS_ADDRESS
      ? await startOpsServer({
          ...parseHostPort(config.OPS_ADDRESS),
          readiness: { consumer: () => assigned },
        })
      : undefined;
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
        await ops?.close();
        await producer.disconnect();
      },
    };
  },
  { logger, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS },
);
