import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '@wire/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/index.js';
import {
  textCoverage,
  textCoverageOfParts,
  textTokens,
  wordByWordCoverage,
} from '../src/text/text-coverage.js';
import { countTextTokens } from '../src/text/word-counts.js';

describe('textTokens', () => {
  it('makes words of spaced scripts and a token of each CJK character, after NFKC and lower case', () => {
    expect(textTokens('Seoul’s KOSPI ｆｕｌｌ 한국 증시, 股市开盘 速報です')).toEqual([
      'seoul',
      's',
      'kospi',
      'full',
      '한국',
      '증시',
      '股',
      '市',
      '开',
      '盘',
      '速',
      '報',
      'で',
      'す',
    ]);
  });
});

describe('textCoverage', () => {
  const paragraph = 'North Korea held a military parade rehearsal ahead of the army anniversary.';

  it('is 1 when the article keeps every word, whatever it adds', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (source, extra) => {
        expect(textCoverage(source, `${extra} ${source} ${extra}`).ratio).toBe(1);
      }),
    );
  });

  it('counts the same when the source stands whole in the kept text as when it is matched word by word', () => {
    const line = fc.array(
      fc.constantFrom('Seoul', 'kospi', '한국', '股市', ' ', '-', 'é', 'e\u0301', '1'),
      {
        maxLength: 8,
      },
    );
    fc.assert(
      fc.property(
        fc.array(
          line.map((l) => l.join('')),
          { maxLength: 4 },
        ),
        line,
        (lines, extra) => {
          const source = lines.join('\n');
          const around = extra.join('');
          // Also glued to other words, where the shortcut must not apply.
          for (const kept of [
            `${around}\n${source}`,
            `${source}\n${around}`,
            around + source,
            source + around,
          ]) {
            expect(textCoverage(source, kept)).toEqual(wordByWordCoverage(source, kept));
          }
        },
      ),
    );
  });

  it('counts the same when the source stands in the kept text with other whitespace as word by word', () => {
    const piece = fc.constantFrom(
      'Seoul',
      'kospi',
      '한국',
      ' ',
      '\n',
      '\u00a0',
      '\t ',
      '-',
      'e\u0301',
      '\u0301',
      'İ',
      'ſ',
      'ΑΣ',
      '\ufeff',
      '1',
    );
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    const space = fc.constantFrom(' ', '\n', '\n\n', ' \u00a0', '\u3000', '\t\n ', '\ufeff', '');
    fc.assert(
      fc.property(text, text, space, space, (source, around, gap, edge) => {
        const respaced = source.replace(/\s+/g, gap);
        for (const kept of [
          `${around}${edge}${respaced}`,
          `${respaced}${edge}${around}`,
          `${edge}${respaced}${edge}`,
          `${around}${edge}${respaced}${edge}${around}`,
        ]) {
          expect(textCoverage(source, kept)).toEqual(wordByWordCoverage(source, kept));
        }
      }),
      { numRuns: 5_000 },
    );
  });

  it("counts the same when the source's tokens stand in a row in the kept text as word by word", () => {
    const piece = fc.constantFrom(
      'Seoul',
      'kospi',
      '한국',
      '股市',
      ' ',
      '-',
      '"',
      '\n',
      'é',
      'e\u0301',
      '1',
      'İ',
      '…',
    );
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    // The source as another reader gives it: breaks, quotes and dashes moved or
    // doubled, which part the texts but not their tokens; or words glued or cut.
    const retold = (source: string, how: number) =>
      [
        source.replaceAll('\n', '\n\n'),
        source.replaceAll(' ', ' " '),
        source.replaceAll('-', ' '),
        source.replaceAll(' ', ''),
        source.slice(1),
        source.slice(0, -1),
      ][how] as string;
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 5 }), (source, around, how) => {
        for (const kept of [
          `${around}\n${retold(source, how)}`,
          `${retold(source, how)} ${around}`,
          `${around}${retold(source, how)}`,
          around,
        ]) {
          expect(textCoverage(source, kept)).toEqual(wordByWordCoverage(source, kept));
        }
      }),
      { numRuns: 3_000 },
    );
  });

  it('is 0 when the article keeps nothing of a text that has words', () => {
    expect(textCoverage(paragraph, '')).toMatchObject({
      sourceTokens: 12,
      keptTokens: 0,
      ratio: 0,
    });
  });

  it('counts a repeated paragraph each time, so keeping one of two is half', () => {
    expect(textCoverage(`${paragraph}\n${paragraph}`, paragraph).ratio).toBe(0.5);
  });

  it('is 1 for a source with no text to keep', () => {
    expect(textCoverage(' <> … ', '').ratio).toBe(1);
  });

  it('measures Chinese by characters, so a headline alone keeps little of a story', () => {
    const story = '韩国总统尹锡悦5日在首尔会见美国国务卿布林肯，双方讨论了朝鲜半岛局势。';
    const { ratio } = textCoverage(story, '韩国总统会见布林肯');
    expect(ratio).toBeGreaterThan(0.2);
    expect(ratio).toBeLessThan(0.4);
  });
});

function* feedFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* feedFiles(path);
    else if (/\.(xml|rss|atom|rdf)$/i.test(name)) yield path;
  }
}

describe('textCoverageOfParts', () => {
  // What the shortcut stands for: the parts joined by line breaks, counted token by token.
  const byDefinition = (source: string, parts: string[]) =>
    wordByWordCoverage(source, parts.join('\n'));

  it('equals the coverage of the parts joined, counted word by word, on generated parts', () => {
    const piece = fc.constantFrom(
      'Seoul',
      'kospi',
      '한국',
      '股市',
      ' ',
      '-',
      '\n',
      'e\u0301',
      'İ',
      'Σ',
    );
    const text = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 5 }), fc.nat(), text, (parts, at, other) => {
        const one = parts[at % Math.max(1, parts.length)] ?? '';
        const two = parts.length > 1 ? `${one}\n${parts[(at + 1) % parts.length]}` : other;
        for (const source of [one, two, other, `${one} ${other}`]) {
          expect(textCoverageOfParts(source, parts)).toEqual(byDefinition(source, parts));
          expect(textCoverageOfParts(source, parts, countTextTokens(source))).toEqual(
            byDefinition(source, parts),
          );
        }
      }),
      { numRuns: 3_000 },
    );
  });

  it('equals it when the source is a part with a rest before or after, on generated texts', () => {
    // Case mappings that read their context (final sigma, dotted capital I), marks,
    // CJK, and what ends a token or does not.
    const piece = fc.constantFrom(
      'Seoul',
      'ΟΔΟΣ',
      'Σ',
      "'",
      'İ',
      'e\u0301',
      '\u0301',
      '한국',
      '股市',
      ' ',
      '\n',
      '-',
      '(Yonhap)',
      '1',
    );
    const text = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        text,
        fc.constantFrom(' ', '\n', '', 'x'),
        (parts, at, rest, gap) => {
          const part = parts[at % parts.length] as string;
          for (const source of [`${rest}${gap}${part}`, `${part}${gap}${rest}`]) {
            expect(textCoverageOfParts(source, parts), JSON.stringify([source, parts])).toEqual(
              byDefinition(source, parts),
            );
          }
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('equals the coverage of the parts joined, counted word by word, on every corpus article', () => {
    let measured = 0;
    for (const path of feedFiles(corpusDir)) {
      let articles: ReturnType<typeof parseDocument>['articles'];
      try {
        articles = parseDocument(readFileSync(path), {
          feedId: 't',
          fetchedAt: '2026-01-01T00:00:00Z',
        }).articles;
      } catch {
        continue;
      }
      for (const { article } of articles) {
        const plain = article.bodies?.find((b) => b.contentType === 'text/plain')?.value ?? '';
        const summary = article.descriptions?.[0]?.value ?? '';
        const headline = article.headlines?.[0]?.value ?? '';
        const parts = [headline, summary, plain, 'SEOUL', article.by ?? ''];
        for (const source of [
          plain,
          `${summary}\n${plain}`,
          `${headline}\n${plain}`,
          headline,
          // A dateline or a credit the cleaning took off, the place kept apart.
          `SEOUL, Feb. 1 (Yonhap) -- ${plain}`,
          `${summary}\nSEOUL, Feb. 1 (Yonhap) -- ${plain}`,
          `${plain} (Yonhap)`,
          `${plain}\n${summary}`,
        ]) {
          const coverage = textCoverageOfParts(source, parts, countTextTokens(source));
          expect(coverage, path).toEqual(byDefinition(source, parts));
          measured++;
        }
      }
    }
    expect(measured).toBeGreaterThan(5_000);
  });
});
