// One Prometheus registry per process, with Node's default metrics (CPU, memory,
// event loop lag, GC) labelled by service.
import { collectDefaultMetrics, Registry } from 'prom-client';

export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}
