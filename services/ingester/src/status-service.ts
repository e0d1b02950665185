// The ingester's status page (/status, /status.json): feeds from Redis, and each
// stage's throughput and lag from this instance's samples of the topics.
import type { KafkaClient, TopicCatalogue } from '@wire/kafka';
import type { Logger } from '@wire/logging';
import type { Redis } from '@wire/redis';
import type { IngesterConfig } from './config.js';
import { readFeedHealth } from './feed-health.js';
import type { Feed } from './feed-registry.js';
import { createKafkaStageProbe } from './kafka-stage-probe.js';
import { type StageSampler, startStageSampler } from './stage-throughput.js';
import { renderStatusPage } from './status-page.js';
import { readStatusReport } from './status-report.js';

export interface StatusRoutes {
  '/status': () => Promise<{ contentType: string; body: string }>;
  '/status.json': () => Promise<{ contentType: string; body: string }>;
}

export interface StatusService {
  routes: StatusRoutes;
  stop(): Promise<void>;
}

export function startStatusService(deps: {
  config: Pick<
    IngesterConfig,
    'WIRE_TOPIC_PREFIX' | 'WIRE_REDIS_PREFIX' | 'INSTANCE_ID' | 'STATUS_SAMPLE_SECONDS'
  >;
  feeds: Feed[];
  topics: TopicCatalogue;
  kafka: KafkaClient;
  redis: Redis;
  logger: Logger;
}): StatusService {
  const { config, topics, logger } = deps;
  const stages = [
    { stage: 'ingester', topic: topics.raw.name },
    { stage: 'normalizer', topic: topics.normalized.name },
    { stage: 'publisher', topic: topics.articles.name },
    { stage: 'dead letters', topic: topics.dlq.name },
  ];
  const sampler: StageSampler = startStageSampler(
    createKafkaStageProbe(
      deps.kafka,
      stages.map((s) => s.topic),
      [
        { group: `${config.WIRE_TOPIC_PREFIX}wire-normalizer`, topic: topics.raw.name },
        { group: `${config.WIRE_TOPIC_PREFIX}wire-publisher`, topic: topics.normalized.name },
      ],
    ),
    {
      intervalMs: config.STATUS_SAMPLE_SECONDS * 1000,
      windowMs: 30 * 60 * 1000,
      onError: (err) => logger.warn({ err }, 'could not sample the stage topics'),
    },
  );
  const status = () =>
    readStatusReport({
      feeds: deps.feeds,
      readHealth: (ids) => readFeedHealth(deps.redis, config.WIRE_REDIS_PREFIX, { feeds: ids }),
      samples: () => sampler.samples(),
      stages,
      instance: config.INSTANCE_ID,
      sampleSeconds: config.STATUS_SAMPLE_SECONDS,
      now: Date.now,
    }).catch((err) => {
      logger.warn({ err }, 'could not read the status');
      throw err;
    });
  return {
    routes: {
      '/status': async () => ({
        contentType: 'text/html; charset=utf-8',
        body: renderStatusPage(await status()),
      }),
      '/status.json': async () => ({
        contentType: 'application/json',
        body: JSON.stringify(await status()),
      }),
    },
    stop: () => sampler.stop(),
  };
}
