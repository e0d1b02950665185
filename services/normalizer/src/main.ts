// Wires the normalizer: consume wire.raw.v1, normalize each document, produce to
// wire.normalized.v1 or wire.dlq.v1, commit only after that.
import { setTimeout as sleep } from 'node:timers/promises';
import { parseHostPort } from '@wire/config';
import {
  createPartitionProducers,
  type OutgoingRecord,
  startTransactionalBatchConsumer,
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
    const producers = createPartitionProducers(
      kafka,
      `${config.WIRE_TOPIC_PREFIX}${config.TRANSACTIONAL_ID}`,
    );
    const state = createNormalizerState(redis, config);

    const groupId = `${config.WIRE_TOPIC_PREFIX}${config.NORMALIZER_GROUP_ID}`;
    const consumer = await startTransactionalBatchConsumer(
      kafka,
      {
        groupId,
        topics: [topics.raw.name],
        sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
        // A failed run of documents is delivered again.
        onBatchFailed: (err) => {
          metrics.recordFailedDocument(err);
          logger.warn({ err }, 'batch failed; going on from the committed offset');
        },
      },
      producers,
      async ({ topic, partition, records }) => {
        const normalized: OutgoingRecord[] = [];
        const deadLetters: OutgoingRecord[] = [];
        const committed: (() => Promise<void>)[] = [];
        // What earlier documents of the batch claimed is not done until it commits.
        const claimedInTransaction = new Set<string>();
        for (const record of records) {
          const { headers } = record;
          const log = logger.child({
            feedId: headers['wire-feed-id'],
            fetchId: headers['wire-fetch-id'],
          });
          const origin = { stage: 'normalizer' as const, topic, partition, offset: record.offset };
          const counted: Omit<CommittedDocument, 'summary'> = {
            articles: [],
            deadLetterCodes: [],
            fetchedAt: headers['wire-fetched-at'],
          };
          const { summary, afterCommit } = await normalizeDocument(
            {
              value: record.value ?? Buffer.alloc(0),
              headers,
              deliveryId: `${topic}/${partition}/${record.offset}`,
            },
            {
              ...state,
              claimedInTransaction,
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
                  key: record.key,
                  value: record.value,
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
          log.info(summary, 'document normalized');
          committed.push(async () => {
            metrics.recordCommitted({ summary, ...counted }, Date.now());
            await afterCommit().catch((err: unknown) => {
              metrics.recordError(err);
              throw err;
            });
          });
        }
        return {
          records: new Map([
            [topics.normalized.name, normalized],
            [topics.dlq.name, deadLetters],
          ]),
          afterCommit: async () => {
            await Promise.all(committed.map((done) => done()));
          },
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
