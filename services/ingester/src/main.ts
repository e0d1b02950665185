// Wires the ingester: config, logger, adapters, the poll scheduler and the status
// page; stops in reverse order.
import { parseHostPort } from '@wire/config';
import { connectProducer, topicCatalogue } from '@wire/kafka';
import { createLogger } from '@wire/logging';
import { createMetricsRegistry, startOpsServer } from '@wire/ops';
import { connectAdapters, runService } from '@wire/runtime';
import { loadIngesterConfig } from './config.js';
import { createLeaseStore } from './feed-lease.js';
import { createFeedPoller } from './feed-poller.js';
import { loadFeedRegistry, resolveFeedHeaders } from './feed-registry.js';
import { createFeedStateStore } from './feed-state.js';
import { createFetcher } from './fetch-document.js';
import { createHostLimiter } from './host-limiter.js';
import { createIngesterMetrics } from './ingester-metrics.js';
import { createPageQueue } from './page-queue.js';
import { startPollScheduler } from './poll-scheduler.js';
import { createRawArchive } from './raw-archive.js';
import { createRobotsRules } from './robots-rules.js';
import { startStatusService } from './status-service.js';

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
    const { kafka, redis } = await connectAdapters({ service: 'ingester', ...config }, logger);
    const producer = await connectProducer(kafka);
    const registry = createMetricsRegistry('ingester');
    const fetcher = createFetcher({
      timeoutMs: config.FETCH_TIMEOUT_MS,
      maxBytes: config.FETCH_MAX_BYTES,
      userAgent: config.USER_AGENT,
    });
    const hosts = createHostLimiter(config.MAX_REQUESTS_PER_HOST);
    const poller = createFeedPoller({
      config,
      rawTopic: topics.raw.name,
      producer,
      state: createFeedStateStore(redis, config.WIRE_REDIS_PREFIX),
      leases: createLeaseStore(redis, config.WIRE_REDIS_PREFIX, config.INSTANCE_ID),
      fetcher,
      hosts,
      pages: createPageQueue(redis, config.WIRE_REDIS_PREFIX),
      // robots.txt is read outside the per-host limit: a page holding its host's slot
      // may ask it of another host its redirect leads to, which must not wait on that
      // host's pages (two hosts redirecting to each other would deadlock). It is one
      // small request per origin a day.
      robots: createRobotsRules({ fetch: fetcher.fetchDocument, userAgent: config.USER_AGENT }),
      archive: config.ARCHIVE_DIR ? createRawArchive(config.ARCHIVE_DIR) : undefined,
      metrics: createIngesterMetrics(registry),
      logger,
      feedHeaders: new Map(feeds.map((feed) => [feed.id, resolveFeedHeaders(feed, process.env)])),
    });
    const scheduler = startPollScheduler(feeds, (feed) => poller.turn(feed));
    const status = config.OPS_ADDRESS
      ? startStatusService({ config, feeds, topics, kafka, redis, logger })
      : undefined;
    const ops = config.OPS_ADDRESS
      ? await startOpsServer({
          ...parseHostPort(config.OPS_ADDRESS),
          readiness: { redis: async () => (await redis.ping()) === 'PONG' },
          metrics: registry,
          ...(status && { routes: { ...status.routes } }),
        })
      : undefined;
    logger.info({ feeds: feeds.length, topic: topics.raw.name, ops: ops?.url }, 'polling');

    return {
      async stop() {
        await scheduler.stop();
        await poller.releaseAll();
        await fetcher.close();
        await ops?.close();
        await status?.stop();
        await producer.disconnect();
        await redis.quit();
      },
    };
  },
  { logger, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS },
);
