export { addressAllowed, parseAllowedRanges } from './address-guard.js';
export { type IngesterConfig, ingesterConfigSchema, loadIngesterConfig } from './config.js';
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
