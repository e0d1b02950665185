// What the status page shows, as data (also served as /status.json): every feed of
// the registry with its health from Redis, and each stage's throughput and lag
// from this instance's samples of Kafka.
import { type FeedCondition, feedConditionOf } from './feed-condition.js';
import type { FeedHealth } from './feed-health.js';
import type { Feed } from './feed-registry.js';
import { type GroupLag, type StageSample, throughputOf } from './stage-throughput.js';

export interface FeedStatus {
  id: string;
  agency: string;
  /** The feed's URL without credentials, query or fragment, which may carry tokens. */
  url: string;
  condition: FeedCondition;
  intervalSeconds: number;
  lastStatus?: string;
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  nextPollAt?: string;
  consecutiveFailures: number;
  /** New items in each of the last 24 hours, oldest first; the last hour is partial. */
  itemsPerHour: number[];
  itemsLast24h: number;
  /**
   * For a feed completed from article pages: its setting, and the pages published
   * and refused for good (404, robots.txt, the guard, too large) since its state began.
   */
  fullText?: { mode: 'auto' | 'always'; published: number; failed: number };
  polledBy?: string;
}

export interface StageStatus {
  stage: string;
  topic: string;
  recordsPerMinute?: number;
  /** Records per minute between consecutive samples, oldest first. */
  perMinute: number[];
}

export interface StatusReport {
  generatedAt: string;
  /** The instance that rendered the page (its samples, its registry). */
  instance: string;
  sampleSeconds: number;
  feeds: FeedStatus[];
  stages: StageStatus[];
  lags: GroupLag[];
}

export interface StatusSources {
  feeds: Feed[];
  readHealth(feedIds: string[]): Promise<FeedHealth[]>;
  samples(): StageSample[];
  /** Stage name and its topic, in pipeline order. */
  stages: { stage: string; topic: string }[];
  instance: string;
  sampleSeconds: number;
  now(): number;
}

export async function readStatusReport(sources: StatusSources): Promise<StatusReport> {
  const health = await sources.readHealth(sources.feeds.map((f) => f.id));
  const byId = new Map(health.map((h) => [h.feed, h]));
  const samples = sources.samples();
  const latest = samples[samples.length - 1];
  return {
    generatedAt: new Date(sources.now()).toISOString(),
    instance: sources.instance,
    sampleSeconds: sources.sampleSeconds,
    feeds: sources.feeds.map((feed) => feedStatusOf(feed, byId.get(feed.id))),
    stages: sources.stages.map(({ stage, topic }) => {
      const { recordsPerMinute, series } = throughputOf(samples, topic);
      return {
        stage,
        topic,
        ...(recordsPerMinute !== undefined && { recordsPerMinute }),
        perMinute: series,
      };
    }),
    lags: latest?.lags ?? [],
  };
}

function feedStatusOf(feed: Feed, health: FeedHealth | undefined): FeedStatus {
  const itemsPerHour = health?.itemsPerHour ?? [];
  const optional = {
    lastStatus: health?.status,
    lastAttemptAt: health?.lastAttemptAt,
    lastSuccessAt: health?.lastSuccessAt,
    nextPollAt: health?.nextPollAt,
    polledBy: health?.polledBy,
  };
  return {
    id: feed.id,
    agency: feed.agency,
    url: displayUrl(feed.url),
    condition: feedConditionOf(health),
    intervalSeconds: feed.intervalSeconds,
    consecutiveFailures: health?.consecutiveFailures ?? 0,
    itemsPerHour,
    itemsLast24h: itemsPerHour.reduce((sum, n) => sum + n, 0),
    ...((feed.fullText === 'auto' || feed.fullText === 'always') && {
      fullText: {
        mode: feed.fullText,
        published: health?.pagesPublished ?? 0,
        failed: health?.pagesFailed ?? 0,
      },
    }),
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
}

/** Scheme, host and path: user info, query and fragment may hold secrets. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '(not a valid URL)';
  }
}
