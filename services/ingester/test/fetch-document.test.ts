import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchDocument } from '../src/index.js';

const settings = { timeoutMs: 1_000, maxBytes: 1_000, userAgent: 'wire-test' };
let server: Server | undefined;

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

describe('fetchDocument', () => {
  it('returns the body, content type and validators, and sends the user agent', async () => {
    let userAgent: string | undefined;
    const url = await serve((req, res) => {
      userAgent = req.headers['user-agent'];
      res.writeHead(200, {
        'content-type': 'application/rss+xml',
        etag: '"v1"',
        'last-modified': 'Fri, 03 Feb 2023 00:00:00 GMT',
      });
      res.end('<rss/>');
    });
    const result = await fetchDocument({ url }, settings);
    expect(result).toMatchObject({
      kind: 'document',
      status: 200,
      contentType: 'application/rss+xml',
      etag: '"v1"',
    });
    expect(result.kind === 'document' && result.body.toString()).toBe('<rss/>');
    expect(userAgent).toBe('wire-test');
  });

  it('sends conditional headers and reports 304 as not modified', async () => {
    const url = await serve((req, res) => {
      const fresh =
        req.headers['if-none-match'] === '"v1"' && req.headers['if-modified-since'] === 'x';
      res.writeHead(fresh ? 304 : 200).end();
    });
    expect(await fetchDocument({ url, etag: '"v1"', lastModified: 'x' }, settings)).toEqual({
      kind: 'not-modified',
      status: 304,
    });
  });

  it('reports an HTTP error status as a failure', async () => {
    const url = await serve((_req, res) => res.writeHead(503).end('busy'));
    expect(await fetchDocument({ url }, settings)).toEqual({
      kind: 'failed',
      status: 503,
      reason: 'HTTP 503',
    });
  });

  it('gives up on a body larger than the cap while it streams', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200);
      res.end('x'.repeat(5_000));
    });
    const result = await fetchDocument({ url }, settings);
    expect(result).toMatchObject({ kind: 'failed', reason: 'body larger than 1000 bytes' });
  });

  it('gives up on a slow drip within the one deadline', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200);
      const drip = setInterval(() => res.write('x'), 100);
      res.on('close', () => clearInterval(drip));
    });
    const started = Date.now();
    const result = await fetchDocument({ url }, { ...settings, timeoutMs: 500 });
    expect(result).toMatchObject({ kind: 'failed', reason: 'no complete answer within 500 ms' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
