// Article pages for full text against the real Redis and a local site: which items
// are queued (leads only, each item revision once), when they are due, and what a
// fetched, missing or failing page becomes (a page record, settled, retried later).
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connectRedis, type Redis } from '@wire/redis';
import { type RawDocumentHeaders, rawDocumentHeadersSchema } from '@wire/schema';
import { testRedisUrl } from '@wire/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedSchema } from '../src/feed-registry.js';
import {
  fetchDuePages,
  maxItemDocumentBytes,
  type PageFetchDependencies,
  queuePages,
} from '../src/fetch-pages.js';
import { createFetcher, parseAllowedRanges } from '../src/index.js';
import { createPageQueue, type PageQueue } from '../src/page-queue.js';
import { createRobotsRules } from '../src/robots-rules.js';

const fetcher = createFetcher({ timeoutMs: 1_000, maxBytes: 100_000, userAgent: 'wire/0.1' });
const story = `<html><head><title>T</title></head><body><article>${'<p>A paragraph of the story, long enough to be one.</p>'.repeat(8)}</article></body></html>`;

describe('fetching article pages for full text', () => {
  let redis: Redis;
  let server: Server;
  let base = '';
  let queue: PageQueue;
  const prefix = `test:pages:${randomUUID()}:`;
  const hits = new Map<string, number>();

  beforeAll(async () => {
    redis = await connectRedis({ url: testRedisUrl });
    queue = createPageQueue(redis, prefix);
    server = createServer((req, res) => {
      hits.set(req.url ?? '', (hits.get(req.url ?? '') ?? 0) + 1);
      if (req.url?.startsWith('/story') || req.url === '/members/story')
        return res.writeHead(200, { 'content-type': 'text/html' }).end(story);
      if (req.url === '/down') return res.writeHead(503).end();
      if (req.url === '/robots.txt')
        return res
          .writeHead(200, { 'content-type': 'text/plain' })
          .end('User-agent: *\nDisallow: /members/\n');
      if (req.url === '/moved') return res.writeHead(302, { location: '/members/story' }).end();
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await redis.quit();
    await new Promise((resolve) => server.close(resolve));
  });

  const feed = (id: string, settings: Record<string, unknown> = {}) =>
    feedSchema.parse({
      id,
      agency: 'test',
      url: `${base}/feed.xml`,
      allowAddresses: ['127.0.0.1'],
      ...settings,
    });
  const rss = (items: [string, string, string][]) =>
    Buffer.from(
      `<rss version="2.0"><channel><link>${base}/</link>${items
        .map(
          ([guid, path, lead]) =>
            `<item><title>${guid}</title><guid>${guid}</guid><link>${path}</link><description>${lead}</description></item>`,
        )
        .join('')}</channel></rss>`,
    );
  const long = 'A whole story in the feed. '.repeat(20);
  const deps = (
    now: number,
    published: { body: Buffer; headers: RawDocumentHeaders }[],
  ): PageFetchDependencies => ({
    fetch: fetcher.fetchDocument,
    robots: createRobotsRules({ fetch: fetcher.fetchDocument, userAgent: 'wire/0.1' }),
    queue,
    publishRaw: async (_key, body, headers) => {
      published.push({ body, headers });
    },
    now: () => new Date(now),
    newFetchId: randomUUID,
    allowed: parseAllowedRanges(['127.0.0.1']),
    maxPagesPerTurn: 10,
    maxBackoffMs: 3_600_000,
  });

  it('queues the leads of a feed set to auto, each item revision once, and none of a feed set to never', async () => {
    const document = rss([
      ['a', '/story/a', 'One line.'],
      ['b', '/story/b', long],
      ['c', '/story/c', `${long} and then...`],
    ]);
    const auto = feed('auto', { fullText: 'auto' });
    expect(await queuePages(auto, document, '', queue, 0)).toBe(2);
    expect(await queuePages(auto, document, '', queue, 0)).toBe(0);
    expect((await queue.due('auto', 0, 10)).map((page) => page.itemId).sort()).toEqual(['a', 'c']);
    expect(await queuePages(feed('never'), document, '', queue, 0)).toBe(0);
    // An item too large to travel in a header holds its story anyway: not queued.
    const huge = rss([['h', '/story/h', 'x'.repeat(maxItemDocumentBytes)]]);
    expect(await queuePages(feed('huge', { fullText: 'always' }), huge, '', queue, 0)).toBe(0);
    // Nor an item whose link is no web address.
    const odd = Buffer.from(
      '<rss version="2.0"><channel><item><guid>o</guid><link>mailto:desk@example.com</link></item><item><guid>p</guid><link>story/1</link></item></channel></rss>',
    );
    expect(await queuePages(feed('odd', { fullText: 'always' }), odd, '', queue, 0)).toBe(0);
    expect(await queuePages(feed('always', { fullText: 'always' }), document, '', queue, 0)).toBe(
      3,
    );
  });

  it('waits the delay the feed asks for before a page is due', async () => {
    const delayed = feed('delayed', { fullText: 'always', fullTextDelaySeconds: 60 });
    await queuePages(delayed, rss([['d', '/story/d', 'x']]), '', queue, 1_000);
    expect(await queue.due('delayed', 60_999, 10)).toEqual([]);
    expect(await queue.due('delayed', 61_000, 10)).toHaveLength(1);
  });

  it('writes a fetched page as a record naming its item, and never fetches that revision again', async () => {
    const pages = feed('pages', { fullText: 'always', fullTextSelector: 'article' });
    const document = rss([['e', '/story/e?utm_source=rss', 'One line.']]);
    await queuePages(pages, document, '', queue, 0);
    const published: { body: Buffer; headers: RawDocumentHeaders }[] = [];
    expect(await fetchDuePages(pages, deps(0, published))).toEqual([
      { kind: 'published', bytes: Buffer.byteLength(story) },
    ]);
    const [record] = published;
    expect(record?.body.toString()).toBe(story);
    const headers = rawDocumentHeadersSchema.parse(record?.headers);
    expect(headers).toMatchObject({
      'wire-feed-id': 'pages',
      'wire-url': `${base}/story/e`,
      'wire-full-text': 'always',
      'wire-item-id': 'e',
      'wire-item-link': `${base}/story/e`,
      'wire-full-text-selector': 'article',
    });
    expect(headers['wire-item-document']).toMatch(
      /^<\?xml[^>]*>\s*<rss version="2.0"><channel><link>[^<]+<\/link><item><title>e<\/title>.*<\/item><\/channel><\/rss>$/s,
    );
    // Settled: the same item revision is neither due nor queued again; a changed one is.
    expect(await queue.due('pages', 0, 10)).toEqual([]);
    expect(await queuePages(pages, document, '', queue, 0)).toBe(0);
    expect(
      await queuePages(pages, rss([['e', '/story/e', 'One line, mended.']]), '', queue, 0),
    ).toBe(1);
  });

  it('settles a missing page for good, and tries a failing one again later, backing off', async () => {
    const failing = feed('failing', { fullText: 'always' });
    await queuePages(
      failing,
      rss([
        ['gone', '/gone', 'x'],
        ['down', '/down', 'y'],
      ]),
      '',
      queue,
      0,
    );
    const outcomes = await fetchDuePages(failing, deps(0, []));
    expect(outcomes).toEqual(
      expect.arrayContaining([
        { kind: 'refused', code: 'HTTP_ERROR', status: 404 },
        { kind: 'retry', code: 'HTTP_ERROR', status: 503 },
      ]),
    );
    expect(await queue.due('failing', 29_999, 10)).toEqual([]);
    const [again] = await queue.due('failing', 30_000, 10);
    expect(again).toMatchObject({ itemId: 'down', attempts: 1 });
    await fetchDuePages(failing, deps(30_000, []));
    expect(await queue.due('failing', 30_000 + 59_999, 10)).toEqual([]);
    expect(await queue.due('failing', 30_000 + 60_000, 10)).toMatchObject([{ attempts: 2 }]);
    expect(hits.get('/gone')).toBe(1);
  });

  it('asks robots.txt where a redirect leads, unless the agency licensed its pages', async () => {
    const document = rss([
      ['m', '/moved', 'x'],
      ['n', '/members/story', 'y'],
    ]);
    const open = feed('open', { fullText: 'always' });
    await queuePages(open, document, '', queue, 0);
    expect(await fetchDuePages(open, deps(0, []))).toEqual([
      { kind: 'refused', code: 'ROBOTS' },
      { kind: 'refused', code: 'ROBOTS' },
    ]);
    expect(hits.get('/members/story')).toBeUndefined();
    const licensed = feed('licensed', { fullText: 'always', licensed: true });
    await queuePages(licensed, document, '', queue, 0);
    const outcomes = await fetchDuePages(licensed, deps(0, []));
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['published', 'published']);
    expect(hits.get('/members/story')).toBe(2);
  });
});
