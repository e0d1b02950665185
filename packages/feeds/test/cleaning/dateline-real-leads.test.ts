// Datelines on real feed items: the leads of the Korean, English, Japanese and
// Chinese items kept for the re-file tests (public git-scraping archives, see
// services/normalizer/test/fixtures/refile-families/*/SOURCE.txt). Whatever a
// lead's shape, the cleaning may only take a short opening off it, naming the
// place it puts in `located`, and must leave every other character as it was.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cleanBodyHtml } from '../../src/index.js';
import { htmlToText } from '../../src/text/html.js';

const fixtures = join(
  import.meta.dirname,
  '../../../../services/normalizer/test/fixtures/refile-families',
);
const lines = [
  readFileSync(join(fixtures, 'ko-en-ja/items.jsonl'), 'utf8'),
  readFileSync(join(fixtures, 'zh/items.jsonl'), 'utf8'),
  gunzipSync(readFileSync(join(fixtures, 'background/ko-en-ja.jsonl.gz'))).toString('utf8'),
  gunzipSync(readFileSync(join(fixtures, 'background/zh.jsonl.gz'))).toString('utf8'),
]
  .join('\n')
  .split('\n')
  .filter((line) => line.trim() !== '');
const leads = lines
  .map((line) => (JSON.parse(line) as { description?: string }).description ?? '')
  .filter((description) => description.trim() !== '');

const squash = (text: string) => text.replace(/\s+/g, '');

describe('datelines on real feed leads', () => {
  const results = leads.map((lead) => ({ lead, cleaned: cleanBodyHtml(lead) }));
  const located = results.filter((r) => r.cleaned.located !== undefined);

  it('reads enough leads to mean something', () => {
    expect(leads.length).toBeGreaterThan(5_000);
  });

  it('takes off only a short opening that names the place, and nothing else', () => {
    for (const { lead, cleaned } of located) {
      const before = squash(htmlToText(lead));
      const after = squash(htmlToText(cleaned.html));
      expect(before.endsWith(after), lead).toBe(true);
      const removed = before.slice(0, before.length - after.length);
      expect(removed.length, lead).toBeLessThanOrEqual(40);
      expect(removed, lead).toContain(squash(cleaned.located ?? ''));
    }
  });

  it("never takes a picture's credit or a bracketed headline for a dateline", () => {
    for (const { lead, cleaned } of results) {
      if (/^\s*[[(](?:사진|그래픽|자료|출처)\s*=/.test(htmlToText(lead)))
        expect(cleaned.located, lead).toBeUndefined();
      expect(cleaned.located ?? '', lead).not.toMatch(/[%：:]/);
    }
  });

  it('finds the datelines the Korean outlets write', () => {
    const korean = located.filter((r) => /[가-힣]/.test(r.cleaned.located ?? ''));
    expect(korean.length).toBeGreaterThanOrEqual(10);
  });
});
