import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRawArchive } from '@wire/ingester';
import type { RawDocumentHeaders } from '@wire/schema';
import { describe, expect, it } from 'vitest';
import { listReplayDocuments } from '../src/index.js';

const defaults = {
  feedId: 'replay',
  agency: 'yna',
  identity: 'yonhap' as const,
  fetchedAt: new Date('2026-11-28T12:00:00Z'),
};

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'wire-replay-'));
}

function fetched(body: string, fetchId: string, fetchedAt: string): RawDocumentHeaders {
  return {
    'wire-feed-id': 'yna-en-news',
    'wire-agency': 'yna',
    'wire-url': 'https://en.yna.co.kr/RSS/news.xml',
    'wire-fetch-id': fetchId,
    'wire-fetched-at': fetchedAt,
    'wire-http-status': '200',
    'wire-content-type': 'application/rss+xml',
    'wire-sha256': createHash('sha256').update(body).digest('hex'),
    'wire-identity': 'yonhap',
  };
}

describe('listReplayDocuments', () => {
  it("takes a folder's feed documents by name, recursively, and describes them as a fetch", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'b/2.xml'), '<rss/>');
    writeFileSync(join(dir, 'a.atom'), '<feed/>');
    writeFileSync(join(dir, 'README.md'), '# not a feed');
    writeFileSync(join(dir, '.hidden.xml'), '<rss/>');
    const docs = await listReplayDocuments([dir], defaults);
    expect(docs.map((d) => d.label)).toEqual([join(dir, 'a.atom'), join(dir, 'b/2.xml')]);
    expect(docs[1]?.headers).toMatchObject({
      'wire-feed-id': 'replay',
      'wire-agency': 'yna',
      'wire-identity': 'yonhap',
      'wire-fetched-at': '2026-11-28T12:00:00.000Z',
      'wire-http-status': '200',
      'wire-sha256': createHash('sha256').update('<rss/>').digest('hex'),
      'wire-url': `file://${join(dir, 'b/2.xml')}`,
    });
    // The same bytes get the same fetch id, so a rerun recognises its own work.
    expect(docs[1]?.headers['wire-fetch-id']).toMatch(/^replay-[0-9a-f]{16}$/);
  });

  it('keeps the order of the paths given, and takes a named file whatever its extension', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'z.xml'), '<rss>z</rss>');
    writeFileSync(join(dir, 'a.txt'), '<rss>a</rss>');
    const docs = await listReplayDocuments([join(dir, 'z.xml'), join(dir, 'a.txt')], defaults);
    expect(docs.map((d) => d.body.toString())).toEqual(['<rss>z</rss>', '<rss>a</rss>']);
  });

  it("reads the ingester's archive as its fetches in the order they happened, with their headers", async () => {
    const dir = tempDir();
    const archive = createRawArchive(dir);
    // Stored out of order, and the same bytes fetched twice.
    await archive.store(
      Buffer.from('<rss>2</rss>'),
      fetched('<rss>2</rss>', 'f2', '2026-11-28T10:05:00Z'),
    );
    await archive.store(
      Buffer.from('<rss>1</rss>'),
      fetched('<rss>1</rss>', 'f1', '2026-11-28T10:00:00Z'),
    );
    await archive.store(
      Buffer.from('<rss>1</rss>'),
      fetched('<rss>1</rss>', 'f3', '2026-11-28T10:10:00Z'),
    );
    const docs = await listReplayDocuments([dir], defaults);
    expect(docs.map((d) => [d.headers['wire-fetch-id'], d.body.toString()])).toEqual([
      ['f1', '<rss>1</rss>'],
      ['f2', '<rss>2</rss>'],
      ['f3', '<rss>1</rss>'],
    ]);
    expect(docs[0]?.headers['wire-url']).toBe('https://en.yna.co.kr/RSS/news.xml');
    expect(docs[2]?.fetchedAt?.toISOString()).toBe('2026-11-28T10:10:00.000Z');
  });

  it('says which archived file is not a fetch record', async () => {
    const dir = tempDir();
    const sha = 'a'.repeat(64);
    mkdirSync(join(dir, 'aa'));
    writeFileSync(join(dir, 'aa', `${sha}.body`), '<rss/>');
    writeFileSync(join(dir, 'aa', `${sha}.f1.json`), '{"wire-feed-id": "x"}');
    await expect(listReplayDocuments([dir], defaults)).rejects.toThrow(
      /aa\/a{64}\.f1\.json: not the headers of an archived fetch/,
    );
  });

  it('fails clearly on a path that does not exist', async () => {
    await expect(listReplayDocuments(['/no/such/feed.xml'], defaults)).rejects.toThrow(/ENOENT/);
  });
});
