export { type DemoSettings, runDemo } from './commands/demo.js';
export { readDeadLetters, runDlqList, runDlqRedrive, runDlqShow } from './commands/dlq.js';
export { type FeedHealth, readFeedHealth, runFeeds } from './commands/feeds.js';
export { type ParseSettings, runParse } from './commands/parse.js';
export { matches, runTail, type TailSettings, toJsonLine } from './commands/tail.js';
export { type ConsumedMessage, consumeTopic } from './consume-topic.js';
export { type EventRecord, formatEventLine } from './event-line.js';
export { type FeedRoute, type FeedServer, startFeedServer } from './feed-server.js';
export {
  type ServiceName,
  type ServiceProcess,
  type ServiceProcessOptions,
  startServiceProcess,
} from './service-process.js';
