export { type DemoSettings, runDemo } from './commands/demo.js';
export { readDeadLetters, runDlqList, runDlqRedrive, runDlqShow } from './commands/dlq.js';
export { runFeeds } from './commands/feeds.js';
export { type ParseSettings, runParse } from './commands/parse.js';
export { type ReplaySettings, runReplay } from './commands/replay.js';
export { type ReprocessSettings, runReprocess } from './commands/reprocess.js';
export { runServe, type ServeSettings, startServe } from './commands/serve.js';
export { matches, runTail, type TailSettings, toJsonLine } from './commands/tail.js';
export { type EventRecord, formatEventLine } from './event-line.js';
export {
  type FeedFaults,
  type FeedRoute,
  type FeedServer,
  type FeedServerOptions,
  type RequestLog,
  startFeedServer,
} from './feed-server.js';
export { createStageFeeder, type StageFeeder, type TimedInput } from './replay/feed-stages.js';
export { createProgressBar, progressLine } from './replay/progress-bar.js';
export { kafkaSink, printingSink, type RecordSink, recordLine } from './replay/record-sink.js';
export { openReplaySession, type ReplaySession } from './replay/replay-session.js';
export { listReplayDocuments, type ReplayDocument } from './replay/replay-sources.js';
export {
  createReplayStages,
  type ReplayInput,
  type ReplayRecord,
  type ReplayStages,
  type ReplayStep,
} from './replay/replay-stages.js';
export { formatSummary, type ReplaySummary } from './replay/replay-summary.js';
export {
  contentTypeOf,
  folderRoutes,
  type Timeline,
  timelineRoutes,
} from './serve/folder-routes.js';
export {
  type ServiceName,
  type ServiceProcess,
  type ServiceProcessOptions,
  serviceNodeOptions,
  startPipelineProcesses,
  startServiceProcess,
} from './service-process.js';
