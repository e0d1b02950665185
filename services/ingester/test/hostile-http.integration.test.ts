// Hostile HTTP (cases H1-H14 of docs/hostile-input.md): local servers on
// 127.0.0.1 that misbehave, polled through pollFeed with the real fetcher and the
// feed state in the real Redis. Each poll ends in a named failure recorded in the
// feed's state with nothing published, or in a document published for the
// normalizer to judge; never a hang, a crash or an unbounded body in memory.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { connectRedis, type Redis } from '@wire/redis';
import { testRedisUrl, uniqueNamespace } from '@wire/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createFeedStateStore,
  createFetcher,
  type Feed,
  type FeedStateStore,
  type PollOutcome,
  pollFeed,
} from '../src/index.js';
import { itemIdsOf } from '../src/item-ids.js';

const maxBytes = 1_000_000;
const fetcher = createFetcher({ timeoutMs: 1_500, maxBytes, userAgent: 'wire-hostile-test' });
const rss =
  '<rss version="2.0"><channel><title>t</title><item><title>Story</title><guid>s-1</guid></item></channel></rss>';

let redis: Redis;
let state: FeedStateStore;
let server: Server | undefined;
const sockets = new Set<Socket>();

beforeAll(async () => {
  redis = await connectRedis({ url: testRedisUrl });
  state = createFeedStateStore(redis, uniqueNamespace('hostile-http'));
});
afterAll(async () => {
  await fetcher.close();
  await redis.quit();
});
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<string> {
  server = createServer(handler);
  server.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let feedCount = 0;
/** Polls `url` once as a new feed allowed to reach 127.0.0.1; returns the outcome and what was published. */
async function poll(url: string, allowAddresses = ['127.0.0.1']) {
  const feed: Feed = {
    id: `hostile-${++feedCount}`,
    agency: 'test',
    url,
    format: 'auto',
    intervalSeconds: 60,
    identity: 'guid',
    enabled: true,
    headers: {},
    allowAddresses,
    fullText: 'never',
    fullTextDelaySeconds: 0,
    licensed: false,
  };
  const published: { body: Buffer; contentType: string | undefined }[] = [];
  const outcome: PollOutcome = await pollFeed(feed, {
    fetch: (request) => fetcher.fetchDocument(request),
    state,
    publishRaw: async (_key, body, headers) => {
      published.push({ body, contentType: headers['wire-content-type'] });
    },
    now: () => new Date(),
    newFetchId: () => `fetch-${feedCount}`,
    itemIds: itemIdsOf,
  });
  return { outcome, published, saved: await state.get(feed.id) };
}

/** A failed poll: the code, nothing published, and the failure in the feed's state. */
async function expectFailure(url: string, code: string, allowAddresses?: string[]) {
  const { outcome, published, saved } = await poll(url, allowAddresses);
  expect(outcome).toMatchObject({ kind: 'failed', code, consecutiveFailures: 1 });
  expect(published).toEqual([]);
  expect(saved).toMatchObject({ consecutiveFailures: 1, documentsPublished: 0 });
  expect(saved.lastStatus).toBe(code);
  return outcome;
}

const heapMb = () => process.memoryUsage().heapUsed / 1024 / 1024;

describe('hostile HTTP: bodies', () => {
  it('H1 stops a gzip bomb (50 MB from 50 kB) at the decompressed cap', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
    const base = await serve((_req, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb),
    );
    const before = heapMb();
    await expectFailure(`${base}/bomb`, 'TOO_LARGE');
    expect(heapMb() - before).toBeLessThan(200);
  });

  it('H2 stops a brotli bomb the same way', async () => {
    const bomb = brotliCompressSync(Buffer.alloc(50 * 1024 * 1024, 120));
    const base = await serve((_req, res) =>
      res.writeHead(200, { 'content-encoding': 'br' }).end(bomb),
    );
    await expectFailure(`${base}/bomb`, 'TOO_LARGE');
  });

  it('H3 names corrupt gzip and an unknown content encoding', async () => {
    const base = await serve((req, res) => {
      if (req.url === '/corrupt')
        res.writeHead(200, { 'content-encoding': 'gzip' }).end(Buffer.from('not gzip at all'));
      else res.writeHead(200, { 'content-encoding': 'x-lzma-of-doom' }).end(rss);
    });
    await expectFailure(`${base}/corrupt`, 'BAD_ENCODING');
    await expectFailure(`${base}/unknown`, 'BAD_ENCODING');
  });

  it('H4 refuses an absurd Content-Length (a petabyte) while the body streams past the cap', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(10 ** 15) });
      const chunk = Buffer.alloc(64 * 1024, 120);
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) {
          /* until the socket pushes back */
        }
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    await expectFailure(`${base}/huge`, 'TOO_LARGE');
  });

  it('H5 names a Content-Length that the body never reaches, or that is not a number', async () => {
    const base = await serve((req, res) => {
      if (req.url === '/short') {
        res.writeHead(200, { 'content-length': '999999' });
        res.write(rss);
        setTimeout(() => res.socket?.destroy(), 50);
      } else {
        res.socket?.end('HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n<rss/>');
      }
    });
    await expectFailure(`${base}/short`, 'NETWORK');
    await expectFailure(`${base}/negative`, 'NETWORK');
  });

  it('H6 publishes an HTML page served as a feed as it came: the normalizer judges it', async () => {
    const page = '<!DOCTYPE html><html><body><p>Sign in<br></body></html>';
    const base = await serve((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(page),
    );
    const { outcome, published } = await poll(`${base}/login`);
    expect(outcome).toMatchObject({ kind: 'published', newItems: 0 });
    expect(published.map((p) => [p.body.toString(), p.contentType])).toEqual([[page, 'text/html']]);
  });
});

describe('hostile HTTP: time', () => {
  it('H7 gives up on a slow drip (a byte every 100 ms) at the one deadline', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const drip = setInterval(() => res.write('<'), 100);
      res.on('close', () => clearInterval(drip));
    });
    await expectFailure(`${base}/drip`, 'TIMEOUT');
  });

  it('H8 gives up on a server that accepts and never answers', async () => {
    const base = await serve(() => undefined);
    await expectFailure(`${base}/silent`, 'TIMEOUT');
  });

  it('H9 gives up on headers dripped one byte at a time', async () => {
    const base = await serve((req) => {
      const head = `HTTP/1.1 200 OK\r\nX-Slow: ${'a'.repeat(1_000)}`;
      let at = 0;
      const drip = setInterval(() => req.socket.write(head[at++ % head.length] ?? 'a'), 50);
      req.socket.on('close', () => clearInterval(drip));
    });
    await expectFailure(`${base}/slow-head`, 'TIMEOUT');
  });
});

describe('hostile HTTP: where it leads', () => {
  it('H10 names a redirect loop after five hops', async () => {
    let hops = 0;
    const base = await serve((req, res) => {
      hops++;
      res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' }).end();
    });
    await expectFailure(`${base}/a`, 'TOO_MANY_REDIRECTS');
    expect(hops).toBe(6);
  });

  it('H11 refuses a redirect to the cloud metadata address 169.254.169.254, also as decimal and IPv6', async () => {
    const targets = [
      'http://169.254.169.254/latest/meta-data/',
      'http://2852039166/',
      'http://[::ffff:169.254.169.254]/',
    ];
    const base = await serve((req, res) => {
      res.writeHead(302, { location: targets[Number(req.url?.slice(1))] }).end();
    });
    for (const index of targets.keys()) await expectFailure(`${base}/${index}`, 'ADDRESS_REFUSED');
  });

  it('H12 refuses a redirect to file://, to a private address and to IPv6 loopback', async () => {
    const targets: Record<string, string> = {
      '/file': 'file:///etc/passwd',
      '/private': 'http://10.0.0.1/feed.xml',
      '/ipv6': 'http://[::1]/feed.xml',
    };
    const base = await serve((req, res) => {
      res.writeHead(302, { location: targets[req.url ?? ''] }).end();
    });
    await expectFailure(`${base}/file`, 'BAD_REDIRECT');
    await expectFailure(`${base}/private`, 'ADDRESS_REFUSED');
    await expectFailure(`${base}/ipv6`, 'ADDRESS_REFUSED');
  });

  it('H13 names a server that resets the connection mid-body', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write(rss.slice(0, 20));
      setTimeout(() => res.socket?.resetAndDestroy(), 20);
    });
    await expectFailure(`${base}/reset`, 'NETWORK');
  });

  it('H14 names response headers far beyond any sane size', async () => {
    const base = await serve((req) => {
      req.socket.end(
        `HTTP/1.1 200 OK\r\nX-Huge: ${'a'.repeat(200_000)}\r\nContent-Length: 6\r\n\r\n<rss/>`,
      );
    });
    await expectFailure(`${base}/huge-head`, 'NETWORK');
  });
});
