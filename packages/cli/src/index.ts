export { type DemoSettings, runDemo } from './commands/demo.js';
export { type ParseSettings, runParse } from './commands/parse.js';
export { type EventRecord, formatEventLine } from './event-line.js';
export { type FeedRoute, type FeedServer, startFeedServer } from './feed-server.js';
export {
  type ServiceName,
  type ServiceProcess,
  type ServiceProcessOptions,
  startServiceProcess,
} from './service-process.js';
