// The fetcher against local servers that misbehave. Every server listens on
// 127.0.0.1, which feeds must allow explicitly (allowAddresses).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createFetcher, parseAllowedRanges, parseHints } from '../src/index.js';

const fetcher = createFetcher({ timeoutMs: 1_000, maxBytes: 100_000, userAgent: 'wire-test' });
const loopback = parseAllowedRanges(['127.0.0.1']);
let server: Server | undefined;

async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
const get = (url: string, extra = {}) =>
  fetcher.fetchDocument({ url, allowed: loopback, ...extra });

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

describe('fetching a feed', () => {
  it('returns the body, content type and validators, and names itself', async () => {
    let userAgent: string | undefined;
    const base = await serve((req, res) => {
      userAgent = req.headers['user-agent'];
      res.writeHead(200, {
        'content-type': 'application/rss+xml',
        etag: '"v1"',
        'last-modified': 'Fri, 03 Feb 2023 00:00:00 GMT',
      });
      res.end('<rss/>');
    });
    const result = await get(`${base}/feed.xml`);
    expect(result).toMatchObject({
      kind: 'document',
      status: 200,
      contentType: 'application/rss+xml',
      etag: '"v1"',
    });
    expect(result.kind === 'document' && result.body.toString()).toBe('<rss/>');
    expect(userAgent).toBe('wire-test');
  });

  it("sends the feed's own headers, such as an API key", async () => {
    let key: string | undefined;
    const base = await serve((req, res) => {
      key = req.headers['x-api-key'] as string | undefined;
      res.writeHead(200).end('<rss/>');
    });
    await get(`${base}/f`, { headers: { 'x-api-key': 'secret' } });
    expect(key).toBe('secret');
  });

  it('sends both validators and reports 304, also when the ETag changes between polls', async () => {
    let etag = '"v1"';
    const base = await serve((req, res) => {
      if (req.headers['if-none-match'] === etag) res.writeHead(304, { etag }).end();
      else res.writeHead(200, { etag }).end(`<rss>${etag}</rss>`);
    });
    expect((await get(`${base}/f`, { etag: '"v1"', lastModified: 'x' })).kind).toBe('not-modified');
    etag = '"v2"';
    const changed = await get(`${base}/f`, { etag: '"v1"' });
    expect(changed).toMatchObject({ kind: 'document', etag: '"v2"' });
  });

  it('reports a 500 as an HTTP error and a 429 with its Retry-After', async () => {
    const base = await serve((req, res) => {
      if (req.url === '/busy') res.writeHead(429, { 'retry-after': '120' }).end();
      else res.writeHead(500).end('oops');
    });
    expect(await get(`${base}/broken`)).toMatchObject({
      kind: 'failed',
      code: 'HTTP_ERROR',
      status: 500,
    });
    expect(await get(`${base}/busy`)).toMatchObject({
      kind: 'failed',
      status: 429,
      hints: { retryAfterMs: 120_000 },
    });
  });

  it('gives up on a slow drip within the one deadline', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200);
      const drip = setInterval(() => res.write('x'), 100);
      res.on('close', () => clearInterval(drip));
    });
    const started = Date.now();
    expect(await get(`${base}/drip`)).toMatchObject({ kind: 'failed', code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('decompresses gzip, and stops a gzip bomb at the decompressed size cap', async () => {
    const small = gzipSync('<rss>small</rss>');
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
    const base = await serve((req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' }).end(req.url === '/bomb' ? bomb : small);
    });
    const ok = await get(`${base}/small`);
    expect(ok.kind === 'document' && ok.body.toString()).toBe('<rss>small</rss>');
    expect(bomb.length).toBeLessThan(100_000);
    expect(await get(`${base}/bomb`)).toMatchObject({ kind: 'failed', code: 'TOO_LARGE' });
  });

  it('refuses a 50 MB body while it streams', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200);
      res.end(Buffer.alloc(50 * 1024 * 1024, 120));
    });
    expect(await get(`${base}/big`)).toMatchObject({ kind: 'failed', code: 'TOO_LARGE' });
  });

  it('follows redirects, at most five, and names a loop', async () => {
    const base = await serve((req, res) => {
      if (req.url === '/moved') res.writeHead(301, { location: '/feed' }).end();
      else if (req.url === '/feed') res.writeHead(200).end('<rss/>');
      else res.writeHead(302, { location: req.url }).end();
    });
    expect(await get(`${base}/moved`)).toMatchObject({
      kind: 'document',
      finalUrl: `${base}/feed`,
    });
    expect(await get(`${base}/loop`)).toMatchObject({ kind: 'failed', code: 'TOO_MANY_REDIRECTS' });
  });

  it('refuses a redirect to the cloud metadata address and to other schemes', async () => {
    const base = await serve((req, res) => {
      const location =
        req.url === '/metadata' ? 'http://169.254.169.254/latest/meta-data/' : 'file:///etc/passwd';
      res.writeHead(302, { location }).end();
    });
    expect(await get(`${base}/metadata`)).toMatchObject({
      kind: 'failed',
      code: 'ADDRESS_REFUSED',
    });
    expect(await get(`${base}/file`)).toMatchObject({ kind: 'failed', code: 'BAD_REDIRECT' });
  });

  it('refuses loopback and private addresses for a feed that does not allow them, by name too', async () => {
    const base = await serve((_req, res) => res.writeHead(200).end('<rss/>'));
    const port = new URL(base).port;
    expect(await fetcher.fetchDocument({ url: `${base}/f`, allowed: [] })).toMatchObject({
      code: 'ADDRESS_REFUSED',
    });
    expect(
      await fetcher.fetchDocument({ url: `http://localhost:${port}/f`, allowed: [] }),
    ).toMatchObject({
      code: 'ADDRESS_REFUSED',
    });
  });
});

describe('parseHints', () => {
  it('reads max-age, a future Expires, and ignores Expires: 0', () => {
    const now = Date.parse('2026-11-28T00:00:00Z');
    expect(parseHints(200, { 'cache-control': 'public, max-age=300' }, now)).toEqual({
      freshForMs: 300_000,
    });
    expect(parseHints(200, { expires: 'Sat, 28 Nov 2026 00:10:00 GMT' }, now)).toEqual({
      freshForMs: 600_000,
    });
    expect(parseHints(200, { expires: '0' }, now)).toEqual({});
    expect(parseHints(503, { 'retry-after': 'Sat, 28 Nov 2026 00:01:00 GMT' }, now)).toEqual({
      retryAfterMs: 60_000,
    });
  });
});
