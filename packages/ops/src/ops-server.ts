// The internal HTTP endpoints of a service: /healthz (the process is alive),
// /readyz (its dependencies answer), /metrics (Prometheus) and any routes the
// service adds (the ingester's status page). Meant for an internal address only.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export type ReadinessCheck = () => Promise<boolean> | boolean;

export interface OpsServerSettings {
  host: string;
  port: number;
  readiness: Record<string, ReadinessCheck>;
  /** Served at /metrics in the Prometheus text format. */
  metrics?: Registry;
  /** More GET endpoints by path, such as a status page. */
  routes?: Record<string, OpsRoute>;
}

export interface OpsResponse {
  status?: number;
  contentType: string;
  body: string;
}

export type OpsRoute = () => Promise<OpsResponse> | OpsResponse;

export interface OpsServer {
  url: string;
  close(): Promise<void>;
}

async function runChecks(checks: Record<string, ReadinessCheck>): Promise<Record<string, boolean>> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        return [name, await check()] as const;
      } catch {
        return [name, false] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}

export async function startOpsServer(settings: OpsServerSettings): Promise<OpsServer> {
  const server: Server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (path === '/readyz') {
      const checks = await runChecks(settings.readiness);
      const ready = Object.values(checks).every(Boolean);
      res
        .writeHead(ready ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: ready ? 'ready' : 'not-ready', checks }));
      return;
    }
    if (path === '/metrics' && settings.metrics) {
      const body = await settings.metrics.metrics();
      res.writeHead(200, { 'content-type': settings.metrics.contentType }).end(body);
      return;
    }
    const route =
      path !== undefined && Object.hasOwn(settings.routes ?? {}, path)
        ? settings.routes?.[path]
        : undefined;
    if (route && (req.method === 'GET' || req.method === 'HEAD')) {
      try {
        const reply = await route();
        res
          .writeHead(reply.status ?? 200, {
            'content-type': reply.contentType,
            'cache-control': 'no-store',
          })
          .end(req.method === 'HEAD' ? undefined : reply.body);
      } catch {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('could not render this page\n');
      }
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${settings.host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
