// The ingester's metrics. Labels are bounded: feed ids come from the registry,
// outcome and code from closed lists; no URL, no article id.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { PageOutcome } from './fetch-pages.js';
import type { PollOutcome } from './poll-feed.js';

export interface IngesterMetrics {
  recordPoll(feedId: string, outcome: PollOutcome, seconds: number, now: number): void;
  recordPages(feedId: string, outcomes: PageOutcome[]): void;
  leasesHeld: Gauge;
}

export function createIngesterMetrics(registry: Registry): IngesterMetrics {
  const registers = [registry];
  const polls = new Counter({
    name: 'wire_ingester_polls_total',
    help: 'Polls by feed and outcome (published, not_modified, unchanged, failed).',
    labelNames: ['feed', 'outcome'],
    registers,
  });
  const failures = new Counter({
    name: 'wire_ingester_fetch_failures_total',
    help: 'Failed fetches by feed and code (TIMEOUT, TOO_LARGE, ADDRESS_REFUSED, HTTP_ERROR...).',
    labelNames: ['feed', 'code', 'status'],
    registers,
  });
  const duration = new Histogram({
    name: 'wire_ingester_poll_duration_seconds',
    help: 'Time of a whole poll: fetch, publish and state.',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const bytes = new Counter({
    name: 'wire_ingester_published_bytes_total',
    help: 'Bytes of raw documents written to wire.raw.v1.',
    labelNames: ['feed'],
    registers,
  });
  const newItems = new Counter({
    name: 'wire_ingester_new_items_total',
    help: 'Items a changed document showed that the previous one did not.',
    labelNames: ['feed'],
    registers,
  });
  const gaps = new Counter({
    name: 'wire_ingester_gaps_total',
    help: 'Changed documents with a full window and no item in common with the previous one.',
    labelNames: ['feed'],
    registers,
  });
  const consecutiveFailures = new Gauge({
    name: 'wire_ingester_consecutive_failures',
    help: 'Failed polls in a row, per feed.',
    labelNames: ['feed'],
    registers,
  });
  const lastSuccess = new Gauge({
    name: 'wire_ingester_last_success_timestamp_seconds',
    help: 'When the feed last answered (200 or 304).',
    labelNames: ['feed'],
    registers,
  });
  const quiet = new Gauge({
    name: 'wire_ingester_feed_quiet',
    help: '1 while a feed that usually moves is strangely quiet.',
    labelNames: ['feed'],
    registers,
  });
  const leasesHeld = new Gauge({
    name: 'wire_ingester_leases_held',
    help: 'Feeds this instance polls.',
    registers,
  });
  const pages = new Counter({
    name: 'wire_ingester_pages_total',
    help: 'Article pages fetched for full text, by feed and outcome (published, refused, retry) and code (ROBOTS, HTTP_ERROR, TIMEOUT...).',
    labelNames: ['feed', 'outcome', 'code'],
    registers,
  });
  const outcomeLabel = {
    published: 'published',
    'not-modified': 'not_modified',
    unchanged: 'unchanged',
    failed: 'failed',
  };

  return {
    leasesHeld,
    recordPages(feed, outcomes) {
      for (const outcome of outcomes)
        pages.inc({
          feed,
          outcome: outcome.kind,
          code: outcome.kind === 'published' ? '' : outcome.code,
        });
    },
    recordPoll(feed, outcome, seconds, now) {
      polls.inc({ feed, outcome: outcomeLabel[outcome.kind] });
      duration.observe(seconds);
      consecutiveFailures.set({ feed }, outcome.consecutiveFailures);
      if (outcome.kind === 'failed') {
        failures.inc({
          feed,
          code: outcome.code,
          status: outcome.status ? String(outcome.status) : '',
        });
        return;
      }
      lastSuccess.set({ feed }, now / 1000);
      quiet.set({ feed }, outcome.quiet ? 1 : 0);
      if (outcome.kind === 'published') {
        bytes.inc({ feed }, outcome.bytes);
        newItems.inc({ feed }, outcome.newItems);
        if (outcome.gap) gaps.inc({ feed });
      }
    },
  };
}
