import { Counter } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetricsRegistry, type OpsServer, startOpsServer } from '../src/index.js';

describe('ops server', () => {
  let server: OpsServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it('answers /healthz while alive', async () => {
    server = await startOpsServer({ host: '127.0.0.1', port: 0, readiness: {} });
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
  });

  it('is ready only when every check passes, and names the failing one', async () => {
    let kafkaUp = false;
    server = await startOpsServer({
      host: '127.0.0.1',
      port: 0,
      readiness: {
        kafka: () => kafkaUp,
        redis: async () => {
          throw new Error('down');
        },
      },
    });
    const notReady = await fetch(`${server.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({
      status: 'not-ready',
      checks: { kafka: false, redis: false },
    });
    kafkaUp = true;
    const ready = (await (await fetch(`${server.url}/readyz`)).json()) as {
      checks: Record<string, boolean>;
    };
    expect(ready.checks.kafka).toBe(true);
  });

  it('serves the registry at /metrics with the default Node metrics and the service label', async () => {
    const metrics = createMetricsRegistry('test-service');
    new Counter({ name: 'wire_test_events_total', help: 'events', registers: [metrics] }).inc(3);
    server = await startOpsServer({ host: '127.0.0.1', port: 0, readiness: {}, metrics });
    const res = await fetch(`${server.url}/metrics`);
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).toContain('wire_test_events_total{service="test-service"} 3');
    expect(text).toContain('process_resident_memory_bytes');
  });
});
