export { loadPublisherConfig, type PublisherConfig, publisherConfigSchema } from './config.js';
export {
  type BatchMessage,
  type BatchPlan,
  type BatchSettings,
  eventIdsOf,
  planBatch,
} from './plan-batch.js';
export { createPublishedEvents, type PublishedEvents } from './published-events.js';
export {
  type PublicRecord,
  type RouteResult,
  routeArticle,
  routeDecoded,
} from './route-article.js';
export { loadRoutes, parseRoutes, type Route, routedTopics } from './routes.js';
