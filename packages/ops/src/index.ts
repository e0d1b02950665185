export {
  type BackendErrorCounters,
  createBackendErrorCounters,
  createDeadLetterCounter,
} from './backend-error-metrics.js';
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
export { createStageRunMetrics } from './stage-run-metrics.js';
