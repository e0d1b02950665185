// A local HTTP server that acts like an agency's feed server, for tests and for
// `wire serve`: conditional GET with ETag and Last-Modified (304), and faults to
// inject (latency, 500s, 429 with Retry-After, a slow drip). Routes set in memory
// come first, so a test can change a feed while it runs; then `resolve` (a folder,
// a timeline).
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface FeedRoute {
  body: Buffer;
  contentType?: string;
  /** When set, a request with a matching If-None-Match gets 304. */
  etag?: string;
  /** When set, a request with If-Modified-Since at or after it gets 304. */
  lastModified?: Date;
}

export interface FeedFaults {
  /** Waits this long before answering. */
  latencyMs?: number;
  /** Share of requests (0-1) answered 500. */
  failRate?: number;
  /** Share of requests (0-1) answered 429 with Retry-After. */
  throttleRate?: number;
  retryAfterSeconds?: number;
  /** Sends bodies at this many bytes per second. */
  dripBytesPerSecond?: number;
}

export interface RequestLog {
  method: string;
  path: string;
  status: number;
  bytes: number;
  ms: number;
}

export interface FeedServerOptions {
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  faults?: FeedFaults;
  resolve?: (path: string) => Promise<FeedRoute | undefined>;
  onRequest?: (log: RequestLog) => void;
  /** For rates between 0 and 1; Math.random by default. */
  random?: () => number;
}

export interface FeedServer {
  url(path: string): string;
  set(path: string, route: FeedRoute): void;
  requests(path: string): number;
  close(): Promise<void>;
}

export async function startFeedServer(options: FeedServerOptions = {}): Promise<FeedServer> {
  const routes = new Map<string, FeedRoute>();
  const hits = new Map<string, number>();
  const faults = options.faults ?? {};
  const random = options.random ?? Math.random;

  const answer = async (
    path: string,
    headers: Record<string, string | string[] | undefined>,
    res: ServerResponse,
  ) => {
    if (faults.latencyMs) await sleep(faults.latencyMs);
    if (faults.throttleRate && random() < faults.throttleRate) {
      res.writeHead(429, { 'retry-after': String(faults.retryAfterSeconds ?? 30) }).end();
      return 0;
    }
    if (faults.failRate && random() < faults.failRate) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('injected failure\n');
      return 0;
    }
    const route = routes.get(path) ?? (await options.resolve?.(path));
    if (!route) {
      res.writeHead(404).end();
      return 0;
    }
    const validators = {
      ...(route.etag && { etag: route.etag }),
      ...(route.lastModified && { 'last-modified': route.lastModified.toUTCString() }),
    };
    if (notModified(route, headers)) {
      res.writeHead(304, validators).end();
      return 0;
    }
    res.writeHead(200, {
      'content-type': route.contentType ?? 'application/rss+xml; charset=utf-8',
      'content-length': String(route.body.length),
      ...validators,
    });
    if (faults.dripBytesPerSecond) await drip(res, route.body, faults.dripBytesPerSecond);
    else res.end(route.body);
    return route.body.length;
  };

  const server = createServer((req, res) => {
    const started = Date.now();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    answer(path, req.headers, res)
      .then((bytes) =>
        options.onRequest?.({
          method: req.method ?? 'GET',
          path,
          status: res.statusCode,
          bytes,
          ms: Date.now() - started,
        }),
      )
      .catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: (path) => `http://${host}:${port}${path}`,
    set: (path, route) => routes.set(path, route),
    requests: (path) => hits.get(path) ?? 0,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function notModified(
  route: FeedRoute,
  headers: Record<string, string | string[] | undefined>,
): boolean {
  // If-None-Match wins over If-Modified-Since when both are sent (RFC 9110, 13.2.2).
  const ifNoneMatch = headers['if-none-match'];
  if (typeof ifNoneMatch === 'string' && route.etag) {
    return ifNoneMatch.split(',').some((tag) => tag.trim() === route.etag || tag.trim() === '*');
  }
  const ifModifiedSince = headers['if-modified-since'];
  if (typeof ifModifiedSince === 'string' && route.lastModified) {
    const since = Date.parse(ifModifiedSince);
    // HTTP dates have whole seconds.
    return (
      Number.isFinite(since) && Math.floor(route.lastModified.getTime() / 1000) * 1000 <= since
    );
  }
  return false;
}

async function drip(res: ServerResponse, body: Buffer, bytesPerSecond: number): Promise<void> {
  const chunk = Math.max(1, Math.floor(bytesPerSecond / 10));
  for (let at = 0; at < body.length && !res.destroyed; at += chunk) {
    res.write(body.subarray(at, at + chunk));
    await sleep(100);
  }
  res.end();
}
