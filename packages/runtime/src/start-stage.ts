// A stage on the exactly-once loop (the normalizer, the publisher) as a process:
// its connections, metrics, transactional producers, the loop over its input
// topic, the ops server and the lag monitor, started in that order and stopped
// in the reverse one, so intake stops first and connections close last. The
// stage itself only says what it makes of a run of records.
import { parseHostPort } from '@wire/config';
import {
  type BatchOutput,
  createTransactionalProducers,
  type InputBatch,
  type KafkaClient,
  startTransactionalBatchConsumer,
  type TopicCatalogue,
  topicCatalogue,
} from '@wire/kafka';
import { createLogger, type Logger } from '@wire/logging';
import {
  createAdminLagSource,
  createMetricsRegistry,
  createStageRunMetrics,
  type ReadinessCheck,
  startLagMonitor,
  startOpsServer,
} from '@wire/ops';
import { type Redis, RedisAdapterError, waitForReplicas } from '@wire/redis';
import type { Registry } from 'prom-client';
import { type AdapterSettings, connectAdapters, topicReplication } from './connect-adapters.js';
import { errorKindOf } from './error-kind.js';
import { runService } from './run-service.js';

/** The settings every stage reads from its environment (see @wire/config's commonSettings). */
export type StageSettings = Omit<AdapterSettings, 'service'> & {
  LOG_LEVEL: string;
  LOG_PRETTY?: boolean | undefined;
  WIRE_TOPIC_PREFIX: string;
  WIRE_REDIS_PREFIX: string;
  OPS_ADDRESS: string;
  SHUTDOWN_TIMEOUT_MS: number;
  KAFKA_SESSION_TIMEOUT_MS: number;
  /** Names this instance's transactional producer on @platformatic/kafka. */
  INSTANCE_ID: string;
  /** Replicas that must have a run's Redis writes before it commits (1 with Sentinels when unset). */
  REDIS_WAIT_REPLICAS?: number | undefined;
  REDIS_WAIT_TIMEOUT_MS?: number | undefined;
};

/** What a stage is given once its connections are up. */
export interface StageContext {
  kafka: KafkaClient;
  redis: Redis;
  topics: TopicCatalogue;
  registry: Registry;
  logger: Logger;
}

/** What a stage brings to the loop. */
export interface StageParts {
  handle(batch: InputBatch): Promise<BatchOutput>;
  /** A run that failed: its handler threw, or its transaction did; its records come again. */
  onBatchFailed(err: unknown): void;
  /** Counts a Kafka or Redis error the stage did not see itself (reading the lag). */
  onBackendError(err: unknown): void;
  /** Counts the Redis connection dropping (the client reconnects by itself). */
  onRedisConnectionError(): void;
  /** Counts a record the loop set aside as STAGE_FAILED (the stage failed on it alone). */
  onStageFailure(): void;
  /** Said in the "consuming" log line beside the topics. */
  describe?: Record<string, unknown>;
}

export interface StageDefinition {
  service: 'normalizer' | 'publisher';
  settings: StageSettings;
  /** The topic the stage reads. */
  input(topics: TopicCatalogue): string;
  /** The topic its events go to, for the log. */
  output(topics: TopicCatalogue): string;
  /**
   * Consumer group and transactional-id stem, before the topic prefix (the ids:
   * stem-topic-partition with kafkajs, stem-INSTANCE_ID with @platformatic/kafka).
   */
  groupId: string;
  transactionalId: string;
  /** At most this many records share a transaction (the loop's default when unset). */
  recordsPerTransaction?: number;
  setUp(context: StageContext): Promise<StageParts> | StageParts;
}

/**
 * The stage's handler, made to hold its run's commit until a Redis replica has
 * every write of the run (the claims, story placements and event ids the run
 * relies on once committed): a failover then cannot lose one of them while the
 * Kafka records they stand for are out. The run's writes must all have gone over
 * one connection for WAIT to vouch for them: a reconnect during the run (to a new
 * primary, say) fails it, and it is done again like any run that met a Redis
 * failure. Without replicas to wait for (no Sentinels, REDIS_WAIT_REPLICAS=0) the
 * handler as it is. See docs/reliability.md, "Redis failover".
 */
export function replicatedBeforeCommit(
  redis: Redis,
  settings: Pick<
    StageSettings,
    'REDIS_WAIT_REPLICAS' | 'REDIS_WAIT_TIMEOUT_MS' | 'REDIS_SENTINELS'
  >,
  handle: (batch: InputBatch) => Promise<BatchOutput>,
): (batch: InputBatch) => Promise<BatchOutput> {
  const replicas = settings.REDIS_WAIT_REPLICAS ?? (settings.REDIS_SENTINELS ? 1 : 0);
  if (replicas === 0) return handle;
  const timeoutMs = settings.REDIS_WAIT_TIMEOUT_MS ?? 2_000;
  let connection = 0;
  redis.on('ready', () => connection++);
  return async (batch) => {
    const before = connection;
    const output = await handle(batch);
    await waitForReplicas(redis, replicas, timeoutMs);
    if (connection !== before) {
      const err = new RedisAdapterError('REDIS_NOT_REPLICATED', 'transient', {
        cause: new Error('the connection to Redis was made again during the run'),
      });
      throw Object.assign(err, { retryDelayMs: 250 });
    }
    return output;
  };
}

/** Runs the stage until SIGTERM or SIGINT, then stops it in order (see runService). */
export async function startStage(stage: StageDefinition): Promise<void> {
  const { settings } = stage;
  const logger = createLogger({
    service: stage.service,
    level: settings.LOG_LEVEL,
    pretty: settings.LOG_PRETTY,
  });
  await runService(
    async (fail) => {
      const prefix = settings.WIRE_TOPIC_PREFIX;
      const topics = topicCatalogue(prefix, topicReplication(settings));
      const { kafka, redis } = await connectAdapters(
        { service: stage.service, ...settings },
        logger,
      );
      const registry = createMetricsRegistry(stage.service);
      const parts = await stage.setUp({ kafka, redis, topics, registry, logger });
      redis.on('error', () => parts.onRedisConnectionError());
      const input = stage.input(topics);
      const groupId = `${prefix}${stage.groupId}`;
      const producers = createTransactionalProducers(
        kafka,
        `${prefix}${stage.transactionalId}`,
        settings.INSTANCE_ID,
      );
      const consumer = await startTransactionalBatchConsumer(
        kafka,
        {
          groupId,
          topics: [input],
          sessionTimeoutMs: settings.KAFKA_SESSION_TIMEOUT_MS,
          onRunTimed: createStageRunMetrics(registry),
          ...(stage.recordsPerTransaction !== undefined && {
            recordsPerTransaction: stage.recordsPerTransaction,
          }),
          onBatchFailed: (err) => {
            parts.onBatchFailed(err);
            logger.warn({ err, kind: errorKindOf(err) }, 'batch failed');
          },
          classify: errorKindOf,
          // A record the stage fails on alone, for good, is set aside; the rest go on.
          deadLetters: { topic: topics.dlq.name, stage: stage.service },
          onConfigurationError: fail,
          onDeadLettered: (record, err) => {
            parts.onStageFailure();
            logger.error(
              { err, offset: record.offset, feedId: record.headers['wire-feed-id'] },
              'record set aside as a dead letter (STAGE_FAILED)',
            );
          },
        },
        producers,
        replicatedBeforeCommit(redis, settings, (batch) => parts.handle(batch)),
      );
      const readiness: Record<string, ReadinessCheck> = {
        redis: async () => (await redis.ping()) === 'PONG',
        consumer: () => consumer.isAssigned(),
      };
      const ops = settings.OPS_ADDRESS
        ? await startOpsServer({
            ...parseHostPort(settings.OPS_ADDRESS),
            readiness,
            metrics: registry,
          })
        : undefined;
      const lag = startLagMonitor(registry, createAdminLagSource(kafka, groupId, [input]), {
        intervalMs: 15_000,
        onError: (err) => parts.onBackendError(err),
      });
      logger.info(
        {
          from: input,
          to: stage.output(topics),
          kafkaClient: settings.KAFKA_CLIENT ?? 'kafkajs',
          ...parts.describe,
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
    { logger, shutdownTimeoutMs: settings.SHUTDOWN_TIMEOUT_MS },
  );
}
