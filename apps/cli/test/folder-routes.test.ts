import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderRoutes, startServe, timelineRoutes } from '../src/index.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'wire-serve-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('folderRoutes', () => {
  it('serves each file with a content hash ETag, its mtime, and its type', async () => {
    const dir = folder({ 'en/news.xml': '<rss/>', 'feed.atom': '<feed/>' });
    utimesSync(
      join(dir, 'en/news.xml'),
      new Date('2026-11-28T10:00:00Z'),
      new Date('2026-11-28T10:00:00Z'),
    );
    const resolve = folderRoutes(dir);
    const news = await resolve('/en/news.xml');
    expect(news?.body.toString()).toBe('<rss/>');
    expect(news?.lastModified?.toISOString()).toBe('2026-11-28T10:00:00.000Z');
    expect(news?.contentType).toBe('application/xml');
    expect((await resolve('/feed.atom'))?.contentType).toBe('application/atom+xml');

    // Editing the file is a new version of the feed.
    writeFileSync(join(dir, 'en/news.xml'), '<rss version="2.0"/>');
    expect((await resolve('/en/news.xml'))?.etag).not.toBe(news?.etag);
  });

  it('never serves a file outside the folder, nor a folder', async () => {
    const dir = folder({ 'inside/a.xml': '<rss/>' });
    const resolve = folderRoutes(join(dir, 'inside'));
    expect(await resolve('/../inside/a.xml')).toBeDefined();
    writeFileSync(join(dir, 'secret.txt'), 'no');
    expect(await resolve('/../secret.txt')).toBeUndefined();
    expect(await resolve('/%2e%2e/secret.txt')).toBeUndefined();
    expect(await resolve('/')).toBeUndefined();
    expect(await resolve('/missing.xml')).toBeUndefined();
  });
});

describe('timelineRoutes', () => {
  it("moves each feed to its next snapshot every step, keeping the last, dated at the snapshot's start", async () => {
    const dir = folder({
      'news/001.xml': '<rss>one</rss>',
      'news/002.xml': '<rss>two</rss>',
      'sports/001.xml': '<rss>only</rss>',
      'static.xml': '<rss>static</rss>',
    });
    let now = 1_000_000;
    const timeline = await timelineRoutes(dir, 30_000, 1_000_000, () => now);
    expect(timeline.feeds).toEqual([
      { path: '/news', snapshots: 2 },
      { path: '/sports', snapshots: 1 },
    ]);
    const text = async (path: string) => (await timeline.resolve(path))?.body.toString();
    expect(await text('/news')).toBe('<rss>one</rss>');
    now += 29_999;
    expect(await text('/news')).toBe('<rss>one</rss>');
    now += 1;
    expect(await text('/news')).toBe('<rss>two</rss>');
    expect((await timeline.resolve('/news'))?.lastModified?.getTime()).toBe(1_030_000);
    now += 10 * 60_000;
    expect(await text('/news')).toBe('<rss>two</rss>');
    expect(await text('/sports')).toBe('<rss>only</rss>');
    expect(await text('/static.xml')).toBe('<rss>static</rss>');
  });
});

describe('wire serve', () => {
  it('serves a folder over HTTP with 304s and logs each request', async () => {
    const dir = folder({ 'en/news.xml': '<rss/>' });
    const lines: string[] = [];
    const { server, paths } = await startServe({
      dir,
      host: '127.0.0.1',
      port: 0,
      faults: {},
      print: (line) => lines.push(line),
    });
    try {
      expect(paths).toEqual(['/en/news.xml']);
      const first = await fetch(server.url('/en/news.xml'));
      expect(await first.text()).toBe('<rss/>');
      const etag = first.headers.get('etag') ?? '';
      const again = await fetch(server.url('/en/news.xml'), { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
      expect(lines.map((l) => l.replace(/ \d+ms$/, ''))).toEqual([
        'GET /en/news.xml 200 6B',
        'GET /en/news.xml 304 0B',
      ]);
    } finally {
      await server.close();
    }
  });
});
