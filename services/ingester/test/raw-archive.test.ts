import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRawArchive } from '../src/index.js';

const headers = (fetchId: string) => ({
  'wire-feed-id': 'f',
  'wire-agency': 'a',
  'wire-url': 'http://x',
  'wire-fetch-id': fetchId,
  'wire-fetched-at': '2026-11-28T00:00:00.000Z',
  'wire-http-status': '200',
  'wire-sha256': 'ab'.repeat(32),
});

describe('createRawArchive', () => {
  it('stores the bytes once by their hash and the headers of each fetch beside them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wire-archive-'));
    const archive = createRawArchive(dir);
    const path = await archive.store(Buffer.from('<rss/>'), headers('one'));
    await archive.store(Buffer.from('<rss/>'), headers('two'));
    expect(readFileSync(path, 'utf8')).toBe('<rss/>');
    expect(readdirSync(join(dir, 'ab')).sort()).toEqual([
      `${'ab'.repeat(32)}.body`,
      `${'ab'.repeat(32)}.one.json`,
      `${'ab'.repeat(32)}.two.json`,
    ]);
    expect(
      JSON.parse(readFileSync(join(dir, 'ab', `${'ab'.repeat(32)}.two.json`), 'utf8'))[
        'wire-fetch-id'
      ],
    ).toBe('two');
  });
});
