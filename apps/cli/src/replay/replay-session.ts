// What replay and reprocess set up alike: the services' configuration from the
// environment, Redis (failing fast), the stages, and where their records go:
// printed for a dry run, else Kafka, with the run's topics created.
import { randomBytes } from 'node:crypto';
import { loadConfig } from '@wire/config';
import {
  allTopics,
  createKafkaClient,
  ensureTopics,
  type KafkaClient,
  type TopicCatalogue,
  topicCatalogue,
} from '@wire/kafka';
import { type NormalizerConfig, normalizerConfigSchema } from '@wire/normalizer';
import { loadRoutes, publisherConfigSchema } from '@wire/publisher';
import { connectRedis, type Redis, redisUrlForDisplay } from '@wire/redis';
import { kafkaClientSettings, redisClientSettings, topicReplication } from '@wire/runtime';
import { kafkaSink, printingSink, type RecordSink } from './record-sink.js';
import { createReplayStages, type ReplayStages } from './replay-stages.js';

export interface ReplaySessionSettings {
  /** The services' environment, with the run's prefixes already in it. */
  env: NodeJS.ProcessEnv;
  dryRun: boolean;
  /** Remove the run's Redis keys when it ends (a dry run nobody asked to keep). */
  discardState: boolean;
  /** Headers added to every record the run writes. */
  marker: Record<string, string>;
  now(): Date;
  print(line: string): void;
  /** The client id and transactional id stem of the run. */
  name: string;
}

export interface ReplaySession {
  config: NormalizerConfig;
  topics: TopicCatalogue;
  stages: ReplayStages;
  sink: RecordSink;
  /** The Kafka client, also for a dry run that reads (reprocess). */
  kafka: KafkaClient;
  close(): Promise<void>;
}

/** Throws an Error whose message says what is wrong (configuration, Redis, Kafka). */
export async function openReplaySession(settings: ReplaySessionSettings): Promise<ReplaySession> {
  const config = loadConfig(normalizerConfigSchema, settings.env);
  const publisher = loadConfig(publisherConfigSchema, settings.env);
  const routes = loadRoutes(publisher.ROUTES_FILE);
  let redis: Redis;
  try {
    redis = await connectRedis({ ...redisClientSettings(config), failFast: true });
  } catch (err) {
    throw new Error(
      `cannot reach Redis at ${redisUrlForDisplay(config.REDIS_URL)}: ${(err as Error).message}`,
    );
  }
  const topics = topicCatalogue(config.WIRE_TOPIC_PREFIX, topicReplication(config));
  const kafka = createKafkaClient(kafkaClientSettings(config, settings.name));
  let sink: RecordSink;
  try {
    if (settings.dryRun) {
      sink = printingSink(settings.print);
    } else {
      const catalogue = allTopics(topics);
      await ensureTopics(kafka, catalogue);
      sink = await kafkaSink(
        kafka,
        `${config.WIRE_TOPIC_PREFIX}${settings.name}-${randomBytes(4).toString('hex')}`,
        catalogue.map((spec) => spec.name),
        topicReplication(config),
      );
    }
  } catch (err) {
    await redis.quit();
    throw new Error(
      `cannot write to Kafka at ${config.KAFKA_BROKERS.join(',')}: ${(err as Error).message}`,
    );
  }
  const stages = createReplayStages({
    redis,
    topics,
    topicPrefix: config.WIRE_TOPIC_PREFIX,
    normalizer: config,
    publishedTtlMs: publisher.DEDUPE_TTL_DAYS * 24 * 60 * 60 * 1000,
    routes,
    marker: settings.marker,
    now: settings.now,
  });
  return {
    config,
    topics,
    stages,
    sink,
    kafka,
    async close() {
      await sink.close();
      if (settings.discardState) await removeKeys(redis, config.WIRE_REDIS_PREFIX);
      await redis.quit();
    },
  };
}

/** A scratch namespace: state no later run will look at. */
export function scratchPrefix(stem: string): string {
  return `${stem}-${randomBytes(6).toString('hex')}:`;
}

async function removeKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}
