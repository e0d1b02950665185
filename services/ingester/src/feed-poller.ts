// One turn of one feed, as the scheduler runs it: take or renew the feed's lease
// (another instance may hold it), poll it, write when to poll next, count and log
// the outcome. Returns the delay to the feed's next turn. A failure of the turn
// itself is logged and the feed comes round again at its interval.
import { randomUUID } from 'node:crypto';
import { type AcknowledgedProducer, toKafkaHeaders } from '@wire/kafka';
import type { Logger } from '@wire/logging';
import type { RawDocumentHeaders } from '@wire/schema';
import type { IngesterConfig } from './config.js';
import type { Lease, LeaseStore } from './feed-lease.js';
import type { Feed } from './feed-registry.js';
import type { FeedStateStore } from './feed-state.js';
import type { createFetcher, FetchRequest } from './fetch-document.js';
import { fetchDuePages, queuePages } from './fetch-pages.js';
import type { HostLimiter } from './host-limiter.js';
import type { IngesterMetrics } from './ingester-metrics.js';
import { itemIdsOf } from './item-ids.js';
import type { PageQueue } from './page-queue.js';
import { allowedRangesOf, pollFeed } from './poll-feed.js';
import { nextPollDelayMs } from './poll-timing.js';
import type { RawArchive } from './raw-archive.js';
import type { RobotsRules } from './robots-rules.js';

export interface FeedPollerDependencies {
  config: Pick<
    IngesterConfig,
    | 'INSTANCE_ID'
    | 'LEASE_SECONDS'
    | 'FETCH_TIMEOUT_MS'
    | 'MAX_BACKOFF_SECONDS'
    | 'MAX_RETRY_AFTER_SECONDS'
    | 'MAX_PAGES_PER_TURN'
    | 'MAX_REQUESTS_PER_HOST'
  >;
  rawTopic: string;
  producer: AcknowledgedProducer;
  state: FeedStateStore;
  leases: LeaseStore;
  fetcher: ReturnType<typeof createFetcher>;
  hosts: HostLimiter;
  /** Article pages waiting for full text, and robots.txt for them. */
  pages: PageQueue;
  robots: RobotsRules;
  archive: RawArchive | undefined;
  metrics: IngesterMetrics;
  logger: Logger;
  /** Request headers per feed id (secrets resolved). */
  feedHeaders: ReadonlyMap<string, Record<string, string>>;
}

export interface FeedPoller {
  turn(feed: Feed): Promise<number>;
  /** Hands every feed held over at once, instead of after the leases expire. */
  releaseAll(): Promise<void>;
}

export function createFeedPoller(deps: FeedPollerDependencies): FeedPoller {
  const { config, producer, state, leases, metrics, logger } = deps;
  const held = new Map<string, Lease>();
  const fence = (lease: Lease) => `${config.INSTANCE_ID}:${lease.token}`;
  const timing = {
    jitter: 0.1,
    maxBackoffMs: config.MAX_BACKOFF_SECONDS * 1000,
    maxRetryAfterMs: config.MAX_RETRY_AFTER_SECONDS * 1000,
  };
  return {
    async turn(feed) {
      // The feed's id goes with each line: a child logger per poll costs more than the poll.
      const feedId = feed.id;
      const interval = feed.intervalSeconds * 1000;
      // A turn may fetch the feed, then its pages a few at a time: each may take a whole deadline.
      const pageRounds =
        feed.fullText === 'never'
          ? 0
          : Math.ceil(config.MAX_PAGES_PER_TURN / config.MAX_REQUESTS_PER_HOST);
      const leaseMs = Math.max(
        config.LEASE_SECONDS * 1000,
        2 * interval + config.FETCH_TIMEOUT_MS * (1 + pageRounds),
      );
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
        const fetch = (req: FetchRequest) =>
          deps.hosts.run(new URL(req.url).host, () => deps.fetcher.fetchDocument(req));
        const publishRaw = async (key: string, body: Buffer, headers: RawDocumentHeaders) => {
          await producer.send(deps.rawTopic, [
            { key, value: body, headers: toKafkaHeaders(headers) },
          ]);
          await deps.archive
            ?.store(body, headers)
            .catch((err) => logger.warn({ feedId, err }, 'could not archive the document'));
        };
        const outcome = await pollFeed(feed, {
          fence: fence(lease),
          fetch,
          state,
          publishRaw,
          now: () => new Date(),
          newFetchId: randomUUID,
          itemIds: itemIdsOf,
          requestHeaders: deps.feedHeaders.get(feed.id) ?? {},
          queuePages: (body, contentType) =>
            queuePages(feed, body, contentType, deps.pages, Date.now()),
        });
        const pages = await fetchDuePages(feed, {
          fetch,
          robots: deps.robots,
          queue: deps.pages,
          publishRaw,
          now: () => new Date(),
          newFetchId: randomUUID,
          allowed: allowedRangesOf(feed),
          maxPagesPerTurn: config.MAX_PAGES_PER_TURN,
          maxBackoffMs: config.MAX_BACKOFF_SECONDS * 1000,
        });
        if (pages.length > 0) {
          metrics.recordPages(feed.id, pages);
          const published = pages.filter((page) => page.kind === 'published').length;
          const refused = pages.flatMap((page) => (page.kind === 'refused' ? [page] : []));
          await deps.pages.count(feed.id, published, refused.length);
          logger.info(
            { feedId, pages: pages.length, published, refused: refused.map((page) => page.code) },
            'pages fetched',
          );
        }
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
    },
    async releaseAll() {
      await Promise.all([...held.values()].map((lease) => leases.release(lease)));
    },
  };
}
