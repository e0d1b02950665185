import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '@wire/feeds';
import { corpusDir, samplesDir } from '@wire/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, fingerprintToHex, normalizeForFingerprint } from '../src/index.js';
import { oracleFingerprintOf, oracleNormalizeForFingerprint } from './fingerprint-oracle.js';

function* feedFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* feedFiles(path);
    else if (/\.(xml|rss|atom|rdf)$/i.test(name)) yield path;
  }
}

/** Every article text of the corpus, the samples and the agency fixtures, as the normalizer fingerprints it. */
function corpusTexts(): string[] {
  const texts = new Set<string>();
  const agencyFixtures = join(import.meta.dirname, 'fixtures/agency');
  for (const path of [corpusDir, samplesDir, agencyFixtures].flatMap((dir) => [
    ...feedFiles(dir),
  ])) {
    let articles: ReturnType<typeof parseDocument>['articles'];
    try {
      articles = parseDocument(readFileSync(path), {
        feedId: 'oracle',
        fetchedAt: '2026-01-01T00:00:00Z',
      }).articles;
    } catch {
      continue; // a document wire cannot read has no text to fingerprint
    }
    for (const { article } of articles) {
      const headline = article.headlines?.[0]?.value ?? '';
      const body = article.bodies?.find((b) => b.contentType === 'text/plain')?.value ?? '';
      const html = article.bodies?.find((b) => b.contentType === 'text/html')?.value ?? '';
      texts.add(`${headline}\n${body}`);
      // Markup and entities give the character classes more to tell apart.
      if (html) texts.add(html);
    }
  }
  return [...texts];
}

// Where reading characters without the regex could go wrong: nothing at all, less
// than one shingle, separators only, surrogates (paired, lone, astral letters and
// astral symbols), case that changes length, compatibility forms, marks, digits
// of other scripts.
const edgeCases = [
  '',
  'a',
  'ab',
  'abc',
  ' a ',
  '!!!',
  '  ,  ',
  'a-b',
  '-a-',
  '𠀀𠀁𠀂 text',
  '😀 emoji 😀😀 between',
  'lone \ud800 high and \udc00 low, \udbff\ud800 reversed',
  'end with a high surrogate \ud83d',
  'İstanbul ΣΊΣΥΦΟΣ Straße ﬁﬂ',
  'ｆｕｌｌｗｉｄｔｈ　１２３ ①②③ ㈱',
  'cafe\u0301 e\u0301te\u0301 नमस्ते',
  '٣٤٥ ४५६ 七八九 Ⅻ ½',
  '북한이 동해상으로 탄도미사일을 발사했다고 합동참모본부가 밝혔다.',
  '新华社北京12月7日电（记者）\n国务院总理……',
  'テスト、テスト。ｶﾀｶﾅ',
  'x'.repeat(20_000),
];

describe('fingerprintOf against the regex implementation it replaced', () => {
  it('gives the same fingerprint for every article text of the corpus, the samples and the agency fixtures', () => {
    const texts = corpusTexts();
    expect(texts.length).toBeGreaterThan(2_000);
    const differing = texts.filter(
      (text) =>
        fingerprintToHex(fingerprintOf(text)) !== fingerprintToHex(oracleFingerprintOf(text)),
    );
    expect(differing.map((text) => text.slice(0, 80))).toEqual([]);
  });

  it('gives the same fingerprint on the edge cases of reading characters', () => {
    for (const text of edgeCases) {
      expect(fingerprintToHex(fingerprintOf(text)), JSON.stringify(text.slice(0, 40))).toBe(
        fingerprintToHex(oracleFingerprintOf(text)),
      );
      expect(normalizeForFingerprint(text)).toBe(oracleNormalizeForFingerprint(text));
    }
  });

  it('gives the same fingerprint on any string, lone surrogates included', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })),
        (text) => {
          expect(fingerprintOf(text)).toEqual(oracleFingerprintOf(text));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('would notice a different fingerprint: one changed letter changes it', () => {
    expect(fingerprintOf('abcd')).not.toEqual(oracleFingerprintOf('abce'));
  });
});
