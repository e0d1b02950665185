export {
  type OpsServer,
  type OpsServerSettings,
  type ReadinessCheck,
  startOpsServer,
} from './ops-server.js';
