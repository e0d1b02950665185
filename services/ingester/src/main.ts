// Wires the ingester: config, logger, adapters, scheduler; stops in reverse order.
import { randomUUID } from 'node:crypto';
import { parseHostPort } from '@wire/config';
import { connectProducer, createKafkaClient, toKafkaHeaders, topicCatalogue } from '@wire/kafka';
import { createLogger } from '@wire/logging';
import { runService, startOpsServer } from '@wire/ops';
import { connectRedis } from '@wire/redis';
import { loadIngesterConfig } from './config.js';
import { loadFeedRegistry } from './feed-registry.js';
import { createFeedStateStore } from './feed-state.js';
import { createFetcher } from './fetch-document.js';
import { pollFeed } from './poll-feed.js';
import { startPollScheduler } from './poll-scheduler.js';
import { nextPollDelayMs } from './poll-timing.js';

const config = loadIngesterConfig(process.env);
const logger = createLogger({
  service: 'ingester',
  level: config.LOG_LEVEL,
  pretty: config.LOG_PRETTY,
});

await runService(
  async () => {
    const feeds = loadFeedRegistry(config.FEEDS_FILE);
    const topics = topicCatalogue(config.WIRE_TOPIC_PREFIX);
    const redis = await connectRedis({
      url: config.REDIS_URL,
      onError: (err) => logger.warn({ err }, 'redis connection error'),
    });
    const kafkaLog = logger.child({ component: 'kafka' });
    const kafka = createKafkaClient({
      brokers: config.KAFKA_BROKERS,
      clientId: config.KAFKA_CLIENT_ID ?? 'wire-ingester',
      onLog: (level, msg, extra) => kafkaLog[level](extra, msg),
    });
    const producer = await connectProducer(kafka);
    const state = createFeedStateStore(redis, config.WIRE_REDIS_PREFIX);
    const fetcher = createFetcher({
      timeoutMs: config.FETCH_TIMEOUT_MS,
      maxBytes: config.FETCH_MAX_BYTES,
      userAgent: config.USER_AGENT,
    });
    const timing = {
      jitter: 0.1,
      maxBackoffMs: config.MAX_BACKOFF_SECONDS * 1000,
      maxRetryAfterMs: config.MAX_RETRY_AFTER_SECONDS * 1000,
    };

    const scheduler = startPollScheduler(feeds, async (feed) => {
      const log = logger.child({ feedId: feed.id });
      try {
        const outcome = await pollFeed(feed, {
          fetch: (req) => fetcher.fetchDocument(req),
          state,
          publishRaw: (key, body, headers) =>
            producer.send(topics.raw.name, [
              { key, value: body, headers: toKafkaHeaders(headers) },
            ]),
          now: () => new Date(),
          newFetchId: randomUUID,
        });
        const delay = nextPollDelayMs(feed, outcome, timing);
        if (outcome.kind === 'failed') log.warn({ ...outcome, nextPollMs: delay }, 'poll failed');
        else log.info({ ...outcome, nextPollMs: delay }, 'polled');
        return delay;
      } catch (err) {
        log.error({ err }, 'poll could not complete; the feed will be polled again');
        return feed.intervalSeconds * 1000;
      }
    });
    const ops = config.OPS_ADDRESS
      ? await startOpsServer({
          ...parseHostPort(config.OPS_ADDRESS),
          readiness: { redis: async () => (await redis.ping()) === 'PONG' },
        })
      : undefined;
    logger.info({ feeds: feeds.length, topic: topics.raw.name, ops: ops?.url }, 'polling');

    return {
      async stop() {
        await scheduler.stop();
        await fetcher.close();
        await ops?.close();
        await producer.disconnect();
        await redis.quit();
      },
    };
  },
  { logger, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS },
);
