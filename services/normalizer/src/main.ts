// Wires the normalizer: consume wire.raw.v1, normalize each document, produce to
// wire.normalized.v1 or wire.dlq.v1, commit only after that.
import { setTimeout as sleep } from 'node:timers/promises';
import { parseHostPort } from '@wire/config';
import {
  createPartitionProducers,
  type PartitionProducers,
  readHeaders,
  startTransactionalRecordConsumer,
  toKafkaHeaders,
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
import { deadLetterHeaders } from '@wire/schema';
import type { Message } from 'kafkajs';
import { loadNormalizerConfig } from './config.js';
import { normalizeDocument } from './normalize-document.js';
import { type CommittedDocument, createNormalizerMetrics } from './normalizer-metrics.js';
import { createNormalizerState } from './normalizer-state.js';

const config = loadNormalizerConfig(process.env);
const logger = createLogger({
  service: 'normalizer',
  level: config.LOG_LEVEL,
  pretty: config.LOG_PRETTY,
});

await runService(
  async () => {
    const topics = topicCatalogue(config.WIRE_TOPIC_PREFIX);
    const { kafka, redis } = await connectAdapters({ service: 'normalizer', ...config }, logger);
    const registry = createMetricsRegistry('normalizer');
    const metrics = createNormalizerMetrics(registry);
    redis.on('error', () => metrics.recordRedisConnectionError());
    const partitionProducers = createPartitionProducers(
      kafka,
      `${config.WIRE_TOPIC_PREFIX}${config.TRANSACTIONAL_ID}`,
    );
    // A transaction that aborts is a failed run of documents, delivered again.
    const producers: PartitionProducers = {
      async forPartition(topic, partition) {
        const producer = await partitionProducers.forPartition(topic, partition);
        return {
          inTransaction: (work) =>
            producer.inTransaction(work).catch((err: unknown) => {
              metrics.recordFailedDocument(err);
              throw err;
            }),
          disconnect: () => producer.disconnect(),
        };
      },
      reopen: (topic, partition) => partitionProducers.reopen(topic, partition),
      disconnect: () => partitionProducers.disconnect(),
    };
    const state = createNormalizerState(redis, config);

    const groupId = `${config.WIRE_TOPIC_PREFIX}${config.NORMALIZER_GROUP_ID}`;
    const consumer = await startTransactionalRecordConsumer(
      kafka,
      {
        groupId,
        topics: [topics.raw.name],
        sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
        onTransactionFailed: (err) =>
          logger.warn({ err }, 'transaction failed; going on from the committed offset'),
      },
      producers,
      async ({ topic, partition, message, transaction, transactionScope }) => {
        const headers = readHeaders(message.headers);
        const log = logger.child({
          feedId: headers['wire-feed-id'],
          fetchId: headers['wire-fetch-id'],
        });
        const origin = { stage: 'normalizer' as const, topic, partition, offset: message.offset };
        const normalized: Message[] = [];
        const deadLetters: Message[] = [];
        const counted: Omit<CommittedDocument, 'summary'> = {
          articles: [],
          deadLetterCodes: [],
          fetchedAt: headers['wire-fetched-at'],
        };
        const { summary, afterCommit } = await normalizeDocument(
          {
            value: message.value ?? Buffer.alloc(0),
            headers,
            deliveryId: `${topic}/${partition}/${message.offset}`,
          },
          {
            ...state,
            claimedInTransaction: claimedIn(transactionScope),
            sleep: (ms) => sleep(ms),
            publishNormalized: async (article, value) => {
              normalized.push({
                key: article.uri,
                value,
                headers: { 'wire-event-id': article.eventId },
              });
              counted.articles.push(article);
              log.debug({ uri: article.uri, verdict: article.verdict }, 'normalized');
            },
            deadLetter: async (reason) => {
              const dlqHeaders = deadLetterHeaders(origin, reason, headers, new Date());
              deadLetters.push({
                key: message.key,
                value: message.value,
                headers: toKafkaHeaders(dlqHeaders),
              });
              counted.deadLetterCodes.push(reason.code);
              log.warn(
                { reason: reason.code, detail: reason.detail, item: reason.item },
                'dead-lettered',
              );
            },
          },
        );
        // One request for the whole record; the transaction makes it all or nothing anyway.
        const topicMessages = [
          { topic: topics.normalized.name, messages: normalized },
          { topic: topics.dlq.name, messages: deadLetters },
        ].filter((t) => t.messages.length > 0);
        if (topicMessages.length > 0) await transaction.sendBatch({ acks: -1, topicMessages });
        log.info(summary, 'document normalized');
        return async () => {
          metrics.recordCommitted({ summary, ...counted }, Date.now());
          await afterCommit().catch((err: unknown) => {
            metrics.recordError(err);
            throw err;
          });
        };
      },
    );
    const ops = config.OPS_ADDRESS
      ? await startOpsServer({
          ...parseHostPort(config.OPS_ADDRESS),
          readiness: {
            redis: async () => (await redis.ping()) === 'PONG',
            consumer: () => consumer.isAssigned(),
          },
          metrics: registry,
        })
      : undefined;
    const lag = startLagMonitor(registry, createAdminLagSource(kafka, groupId, [topics.raw.name]), {
      intervalMs: 15_000,
      onError: (err) => metrics.recordError(err),
    });
    logger.info({ from: topics.raw.name, to: topics.normalized.name, ops: ops?.url }, 'consuming');

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

/** The event keys claimed so far by the records of one transaction. */
function claimedIn(scope: Map<string, unknown>): Set<string> {
  let claimed = scope.get('claimed') as Set<string> | undefined;
  if (!claimed) {
    claimed = new Set();
    scope.set('claimed', claimed);
  }
  return claimed;
}
