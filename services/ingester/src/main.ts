// Wires the ingester: config, logger, adapters, scheduler; stops in reverse order.
import { randomUUID } from 'node:crypto';
import { parseHostPort } from '@wire/config';
import { connectProducer, toKafkaHeaders, topicCatalogue } from '@wire/kafka';
import { createLogger } from '@wire/logging';
import { createMetricsRegistry, startOpsServer } from '@wire/ops';
import { connectAdapters, runService } from '@wire/runtime';
import { loadIngesterConfig } from './config.js';
import { readFeedHealth } from './feed-health.js';
import { createLeaseStore, type Lease } from './feed-lease.js';
import { loadFeedRegistry, resolveFeedHeaders } from './feed-registry.js';
import { createFeedStateStore } from './feed-state.js';
import { createFetcher } from './fetch-document.js';
import { createHostLimiter } from './host-limiter.js';
import { createIngesterMetrics } from './ingester-metrics.js';
import { itemIdsOf } from './item-ids.js';
import { createKafkaStageProbe } from './kafka-stage-probe.js';
import { pollFeed } from './poll-feed.js';
import { startPollScheduler } from './poll-scheduler.js';
import { nextPollDelayMs } from './poll-timing.js';
import { createRawArchive } from './raw-archive.js';
import { startStageSampler } from './stage-throughput.js';
import { renderStatusPage } from './status-page.js';
import { readStatusReport } from './status-report.js';

const config = loadIngesterConfig(process.env);
const logger = createLogger({
  service: 'ingester',
  level: config.LOG_LEVEL,
  pretty: config.LOG_PRETTY,
});

await runService(
  async () => {
    const feeds = loadFeedRegistry(config.FEEDS_FILE);
    const feedHeaders = new Map(
      feeds.map((feed) => [feed.id, resolveFeedHeaders(feed, process.env)]),
    );
    const topics = topicCatalogue(config.WIRE_TOPIC_PREFIX);
    const { kafka, redis } = await connectAdapters({ service: 'ingester', ...config }, logger);
    const producer = await connectProducer(kafka);
    const state = createFeedStateStore(redis, config.WIRE_REDIS_PREFIX);
    const leases = createLeaseStore(redis, config.WIRE_REDIS_PREFIX, config.INSTANCE_ID);
    const held = new Map<string, Lease>();
    const fence = (lease: Lease) => `${config.INSTANCE_ID}:${lease.token}`;
    const fetcher = createFetcher({
      timeoutMs: config.FETCH_TIMEOUT_MS,
      maxBytes: config.FETCH_MAX_BYTES,
      userAgent: config.USER_AGENT,
    });
    const hosts = createHostLimiter(config.MAX_REQUESTS_PER_HOST);
    const registry = createMetricsRegistry('ingester');
    const metrics = createIngesterMetrics(registry);
    const archive = config.ARCHIVE_DIR ? createRawArchive(config.ARCHIVE_DIR) : undefined;
    const timing = {
      jitter: 0.1,
      maxBackoffMs: config.MAX_BACKOFF_SECONDS * 1000,
      maxRetryAfterMs: config.MAX_RETRY_AFTER_SECONDS * 1000,
    };

    const scheduler = startPollScheduler(feeds, async (feed) => {
      // The feed's id goes with each line: a child logger per poll costs more than the poll.
      const feedId = feed.id;
      const interval = feed.intervalSeconds * 1000;
      const leaseMs = Math.max(config.LEASE_SECONDS * 1000, 2 * interval + config.FETCH_TIMEOUT_MS);
      try {
        // Another instance polls this feed; look again before its lease could run out.
        const lease = await leases.acquire(feed.id, leaseMs);
        if (!lease) {
          if (held.delete(feed.id)) logger.info({ feedId }, 'lease lost to another instance');
          return Math.min(interval, leaseMs / 2);
        }
        if (!held.has(feed.id)) logger.info({ feedId, token: lease.token }, 'lease taken');
        held.set(feed.id, lease);
        const started = Date.now();
        const outcome = await pollFeed(feed, {
          fence: fence(lease),
          fetch: (req) => hosts.run(new URL(req.url).host, () => fetcher.fetchDocument(req)),
          state,
          publishRaw: async (key, body, headers) => {
            await producer.send(topics.raw.name, [
              { key, value: body, headers: toKafkaHeaders(headers) },
            ]);
            await archive
              ?.store(body, headers)
              .catch((err) => logger.warn({ feedId, err }, 'could not archive the document'));
          },
          now: () => new Date(),
          newFetchId: randomUUID,
          itemIds: itemIdsOf,
          requestHeaders: feedHeaders.get(feed.id) ?? {},
        });
        const delay = nextPollDelayMs(feed, outcome, timing);
        const nextPollAt = new Date(Date.now() + delay).toISOString();
        await state.update(feed.id, { nextPollAt }, fence(lease));
        metrics.recordPoll(feed.id, outcome, (Date.now() - started) / 1000, Date.now());
        metrics.leasesHeld.set(held.size);
        if (outcome.kind === 'failed')
          logger.warn({ feedId, ...outcome, nextPollMs: delay }, 'poll failed');
        else logger.info({ feedId, ...outcome, nextPollMs: delay }, 'polled');
        return delay;
      } catch (err) {
        logger.error({ feedId, err }, 'poll could not complete; the feed will be polled again');
        return feed.intervalSeconds * 1000;
      }
    });
    // The status page: feeds from Redis, stage throughput from this instance's samples.
    const stages = [
      { stage: 'ingester', topic: topics.raw.name },
      { stage: 'normalizer', topic: topics.normalized.name },
      { stage: 'publisher', topic: topics.articles.name },
      { stage: 'dead letters', topic: topics.dlq.name },
    ];
    const sampler = config.OPS_ADDRESS
      ? startStageSampler(
          createKafkaStageProbe(
            kafka,
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
        )
      : undefined;
    const status = () =>
      readStatusReport({
        feeds,
        readHealth: (ids) => readFeedHealth(redis, config.WIRE_REDIS_PREFIX, { feeds: ids }),
        samples: () => sampler?.samples() ?? [],
        stages,
        instance: config.INSTANCE_ID,
        sampleSeconds: config.STATUS_SAMPLE_SECONDS,
        now: Date.now,
      }).catch((err) => {
        logger.warn({ err }, 'could not read the status');
        throw err;
      });
    const ops = config.OPS_ADDRESS
      ? await startOpsServer({
          ...parseHostPort(config.OPS_ADDRESS),
          readiness: { redis: async () => (await redis.ping()) === 'PONG' },
          metrics: registry,
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
        })
      : undefined;
    logger.info({ feeds: feeds.length, topic: topics.raw.name, ops: ops?.url }, 'polling');

    return {
      async stop() {
        await scheduler.stop();
        // Hand the feeds over at once instead of after the leases expire.
        await Promise.all([...held.values()].map((lease) => leases.release(lease)));
        await fetcher.close();
        await ops?.close();
        await sampler?.stop();
        await producer.disconnect();
        await redis.quit();
      },
    };
  },
  { logger, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS },
);
