export { type IngesterConfig, ingesterConfigSchema, loadIngesterConfig } from './config.js';
export { type Feed, feedSchema, loadFeedRegistry, parseFeedRegistry } from './feed-registry.js';
export {
  createFeedStateStore,
  type FeedState,
  type FeedStateChanges,
  type FeedStateStore,
} from './feed-state.js';
export {
  type FetchRequest,
  type FetchResult,
  type FetchSettings,
  fetchDocument,
} from './fetch-document.js';
export { type PollDependencies, type PollOutcome, pollFeed } from './poll-feed.js';
export { type PollScheduler, startPollScheduler } from './poll-scheduler.js';
