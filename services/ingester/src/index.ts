export { addressAllowed, parseAllowedRanges } from './address-guard.js';
export { type IngesterConfig, ingesterConfigSchema, loadIngesterConfig } from './config.js';
export { type FeedCondition, feedConditionOf } from './feed-condition.js';
export { type FeedHealth, listPolledFeeds, readFeedHealth } from './feed-health.js';
export { createLeaseStore, type Lease, type LeaseStore } from './feed-lease.js';
export {
  type Feed,
  feedSchema,
  loadFeedRegistry,
  parseFeedRegistry,
  resolveFeedHeaders,
} from './feed-registry.js';
export {
  createFeedStateStore,
  type FeedState,
  type FeedStateChanges,
  type FeedStateStore,
  type NewItems,
} from './feed-state.js';
export {
  type CacheHints,
  createFetcher,
  type FetchFailureCode,
  type FetchRequest,
  type FetchResult,
  type FetchSettings,
  parseHints,
} from './fetch-document.js';
export { createIngesterMetrics, type IngesterMetrics } from './ingester-metrics.js';
export { type PollDependencies, type PollOutcome, pollFeed } from './poll-feed.js';
export { type PollScheduler, startPollScheduler } from './poll-scheduler.js';
export { nextPollDelayMs, type TimingSettings } from './poll-timing.js';
export { createRawArchive, type RawArchive } from './raw-archive.js';
export { renderStatusPage } from './status-page.js';
export {
  type FeedStatus,
  readStatusReport,
  type StageStatus,
  type StatusReport,
  type StatusSources,
} from './status-report.js';
