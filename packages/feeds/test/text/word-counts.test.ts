import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textTokens } from '../../src/text/text-coverage.js';
import {
  countTextTokens,
  countWords,
  coverageTokensByPattern,
  textCounts,
} from '../../src/text/word-counts.js';

// The definitions as they were written before the counts walked a table: the
// counts, and the tokens cut by the table, must equal them whatever the text.
const wordsByRegex = (text: string) => text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
const tokensByRegex = (text: string) => coverageTokensByPattern(text).length;

// Characters where a table could go wrong: CJK and Thai (a token each), marks
// that NFKC joins to the letter before (か + ゙ is が), jamo that make a syllable,
// compatibility forms NFKC rewrites (ﬁ, ①, ㍻, ¼, fullwidth), apostrophes and
// hyphens inside words, emoji and letters beyond the BMP, a lone surrogate; and
// what NFKC rewrites into no letter (a no-break space, an ellipsis, fullwidth
// punctuation), which the table counts, or into a space and a mark (¨), which it
// does not.
const tricky = fc.constantFrom(
  'a',
  'Z',
  '7',
  ' ',
  '\n',
  "'",
  '’',
  '-',
  '股',
  '市',
  'か',
  '\u3099',
  'カ',
  'ﾊ',
  'ก',
  '\u0e33',
  '\u0e34',
  '한',
  '\u1100',
  '\u1161',
  '\u11a8',
  'e',
  '\u0301',
  'ﬁ',
  '①',
  '㍻',
  '¼',
  'Ａ',
  'İ',
  'ß',
  '😀',
  '𝐀',
  '𠀋',
  '\ud800',
  '\udc00',
  '.',
  '，',
  '\u00a0',
  '…',
  '\u3000',
  '（',
  '¨',
);

describe('countWords, countTextTokens, textCounts and textTokens', () => {
  it('count and cut as the regexes do for every character of the Basic Multilingual Plane, alone and between others', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const unit = String.fromCharCode(c);
      for (const text of [
        unit,
        `a${unit}b`,
        `か${unit}`,
        `${unit}${unit}`,
        `a${unit}\u0301`,
        `\u1100${unit}\u1161`,
      ]) {
        if (
          countWords(text) !== wordsByRegex(text) ||
          countTextTokens(text) !== tokensByRegex(text) ||
          textCounts(text).words !== wordsByRegex(text) ||
          textTokens(text).join('|') !== coverageTokensByPattern(text).join('|')
        )
          wrong.push(text);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('count and cut as the regexes do on any text', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.array(tricky, { maxLength: 30 }).map((units) => units.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(countWords(t)).toBe(wordsByRegex(t));
        expect(countTextTokens(t)).toBe(tokensByRegex(t));
        expect(textTokens(t)).toEqual(coverageTokensByPattern(t));
        expect(textCounts(t)).toEqual({ words: wordsByRegex(t), tokens: tokensByRegex(t) });
      }),
      { numRuns: 2_000 },
    );
  });

  it('count the tokens of two texts joined by a line break as those of each', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.array(tricky, { maxLength: 20 }).map((units) => units.join('')),
    );
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(tokensByRegex(`${a}\n${b}`)).toBe(countTextTokens(a) + countTextTokens(b));
      }),
      { numRuns: 2_000 },
    );
  });

  it('count a CJK character as a token and a CJK run as one word', () => {
    expect(countTextTokens('股市开盘 Seoul’s KOSPI')).toBe(7);
    expect(countWords('股市开盘 Seoul’s KOSPI')).toBe(3);
  });
});
