import { afterEach, describe, expect, it } from 'vitest';
import { type OpsServer, startOpsServer } from '../src/index.js';

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
});
