// A local HTTP server that serves feed documents from memory, for tests. Each
// path's body can be replaced while it runs, as an agency's feed changes.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FeedRoute {
  body: Buffer;
  contentType?: string;
  /** When set, the server answers conditional requests with 304. */
  etag?: string;
}

export interface FeedServer {
  url(path: string): string;
  set(path: string, route: FeedRoute): void;
  requests(path: string): number;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, FeedRoute>();
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    if (route.etag && req.headers['if-none-match'] === route.etag) {
      res.writeHead(304, { etag: route.etag }).end();
      return;
    }
    res.writeHead(200, {
      'content-type': route.contentType ?? 'application/rss+xml; charset=utf-8',
      ...(route.etag && { etag: route.etag }),
    });
    res.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    set: (path, route) => routes.set(path, route),
    requests: (path) => hits.get(path) ?? 0,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
