export {
  type AdapterSettings,
  type ConnectionSettings,
  connectAdapters,
  kafkaClientSettings,
  kafkaSecurity,
  redisClientSettings,
  redisSecurity,
  topicReplication,
} from './connect-adapters.js';
export { errorKindOf } from './error-kind.js';
export {
  type FailService,
  type RunningService,
  type RunServiceSettings,
  runService,
  type ServiceLogger,
} from './run-service.js';
export {
  replicatedBeforeCommit,
  type StageContext,
  type StageDefinition,
  type StageParts,
  type StageSettings,
  startStage,
} from './start-stage.js';
