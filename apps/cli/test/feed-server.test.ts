import { afterEach, describe, expect, it } from 'vitest';
import { type FeedServer, type RequestLog, startFeedServer } from '../src/index.js';

describe('startFeedServer', () => {
  let server: FeedServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('serves the current body, answers 304 to a matching validator and counts requests', async () => {
    server = await startFeedServer();
    server.set('/a.xml', { body: Buffer.from('<rss/>'), etag: '"v1"' });
    const first = await fetch(server.url('/a.xml'));
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('<rss/>');
    const again = await fetch(server.url('/a.xml'), { headers: { 'if-none-match': '"v1"' } });
    expect(again.status).toBe(304);
    expect((await fetch(server.url('/missing'))).status).toBe(404);
    expect(server.requests('/a.xml')).toBe(2);
  });

  it('answers If-Modified-Since with 304 until the feed changes, and If-None-Match wins', async () => {
    server = await startFeedServer();
    const modified = new Date('2026-11-28T10:00:00Z');
    server.set('/a.xml', { body: Buffer.from('<rss/>'), etag: '"v1"', lastModified: modified });
    const first = await fetch(server.url('/a.xml'));
    expect(first.headers.get('last-modified')).toBe(modified.toUTCString());
    const since = { 'if-modified-since': modified.toUTCString() };
    expect((await fetch(server.url('/a.xml'), { headers: since })).status).toBe(304);
    const stale = { 'if-modified-since': 'Sat, 28 Nov 2026 09:59:59 GMT' };
    expect((await fetch(server.url('/a.xml'), { headers: stale })).status).toBe(200);
    const otherTag = { ...since, 'if-none-match': '"v0"' };
    expect((await fetch(server.url('/a.xml'), { headers: otherTag })).status).toBe(200);
  });

  it('injects 500s and 429s with Retry-After at the given rates, and logs each request', async () => {
    const logs: RequestLog[] = [];
    server = await startFeedServer({
      faults: { throttleRate: 1, retryAfterSeconds: 7 },
      onRequest: (log) => logs.push(log),
    });
    server.set('/a.xml', { body: Buffer.from('<rss/>') });
    const throttled = await fetch(server.url('/a.xml'));
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    await server.close();

    let draws = 0;
    // Every other request fails: the rate is compared with each draw.
    server = await startFeedServer({
      faults: { failRate: 0.5 },
      random: () => (draws++ % 2 === 0 ? 0.1 : 0.9),
      onRequest: (log) => logs.push(log),
    });
    server.set('/a.xml', { body: Buffer.from('<rss/>') });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(server.url('/a.xml'))).status);
    expect(statuses).toEqual([500, 200, 500, 200]);
    expect(logs.map((l) => `${l.method} ${l.path} ${l.status} ${l.bytes}`)).toEqual([
      'GET /a.xml 429 0',
      'GET /a.xml 500 0',
      'GET /a.xml 200 6',
      'GET /a.xml 500 0',
      'GET /a.xml 200 6',
    ]);
  });

  it('waits before answering and drips the body in pieces when asked', async () => {
    server = await startFeedServer({ faults: { latencyMs: 150, dripBytesPerSecond: 40 } });
    const body = Buffer.from('<rss version="2.0"><channel/></rss>');
    server.set('/a.xml', { body });
    const started = Date.now();
    const response = await fetch(server.url('/a.xml'));
    const reader = response.body?.getReader();
    let pieces = 0;
    let received = '';
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      pieces++;
      received += Buffer.from(chunk.value).toString();
    }
    expect(received).toBe(body.toString());
    // 4 bytes every 100 ms: the body cannot come in one piece.
    expect(pieces).toBeGreaterThan(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });
});
