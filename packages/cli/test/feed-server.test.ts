import { afterEach, describe, expect, it } from 'vitest';
import { type FeedServer, startFeedServer } from '../src/index.js';

describe('startFeedServer', () => {
  let server: FeedServer | undefined;
  afterEach(async () => {
    await server?.close();
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
});
