export {
  type BackendErrorCounters,
  createBackendErrorCounters,
  createDeadLetterCounter,
} from './backend-error-metrics.js';
export {
  type AdapterSettings,
  connectAdapters,
  kafkaSecurity,
  redisSecurity,
} from './connect-adapters.js';
export {
  createAdminLagSource,
  type LagMonitor,
  type LagSource,
  lagOf,
  type PartitionLag,
  startLagMonitor,
} from './consumer-lag.js';
export { createMetricsRegistry } from './metrics-registry.js';
export {
  type OpsResponse,
  type OpsRoute,
  type OpsServer,
  type OpsServerSettings,
  type ReadinessCheck,
  startOpsServer,
} from './ops-server.js';
export {
  type RunningService,
  type RunServiceSettings,
  runService,
  type ServiceLogger,
} from './run-service.js';
