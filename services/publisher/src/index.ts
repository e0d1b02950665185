export { loadPublisherConfig, type PublisherConfig, publisherConfigSchema } from './config.js';
export { type PublicRecord, type RouteResult, routeArticle } from './route-article.js';
export { loadRoutes, parseRoutes, type Route, routedTopics } from './routes.js';
