import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokensOf } from '../src/filing-tokens.js';

// The regex tokenizer the table-driven one replaced: their tokens must be equal.
const cjk = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}ー';
const cjkRun = new RegExp(`[${cjk}]`, 'u');
const tokenPattern = new RegExp(
  `[${cjk}]+|\\p{N}+(?:[.,]\\p{N}+)*|(?:(?![${cjk}])[\\p{L}\\p{M}\\p{N}])+`,
  'gu',
);
const stopWords = new Set(
  'a an the of in on at to for from by with and or as is are was were be been its it this that than over after into amid says said'.split(
    ' ',
  ),
);

function oracleTokensOf(text: string, numbers?: Set<string>): string[] {
  const tokens: string[] = [];
  for (const match of text.normalize('NFKC').toLowerCase().match(tokenPattern) ?? []) {
    if (/^\p{N}/u.test(match)) {
      const number = match.replace(/,(?=\d{3}\b)/g, '');
      tokens.push(number);
      numbers?.add(number);
    } else if (cjkRun.test(match)) {
      if (match.length === 1) tokens.push(match);
      for (let i = 0; i + 1 < match.length; i++) tokens.push(match.slice(i, i + 2));
    } else if (!stopWords.has(match)) {
      tokens.push(match);
    }
  }
  return tokens;
}

function expectSame(text: string): void {
  const numbers = new Set<string>();
  const oracleNumbers = new Set<string>();
  expect(tokensOf(text, numbers)).toEqual(oracleTokensOf(text, oracleNumbers));
  expect([...numbers]).toEqual([...oracleNumbers]);
}

describe('tokensOf', () => {
  it('gives the regex tokenizer’s tokens for headlines of every script', () => {
    for (const text of [
      '',
      'Oil rises 2,500.12 points; the S&P 500 closes at 5,123',
      '尹锡悦宣布紧急戒严 7月29日',
      '韩国总统尹锡悦宣布实施紧急戒严',
      '〇〇七 1〇 ー カタカナー ひらがな 한국어 기사',
      'abc123 123abc 1.2.3 1,.2 ,5 .5 5. 5,',
      '𠀀𠀁𠀂 text 𝟏𝟐 𐒠𐒡 \ud800 lone \udc00 x',
      'Ｆｕｌｌｗｉｄｔｈ ＡＢＣ １２３',
      'café naïve e\u0301 \u0301x',
    ])
      expectSame(text);
  });

  it('gives the regex tokenizer’s tokens for every character, alone and beside others', () => {
    // 256 characters a text, each between letters, digits, points and CJK.
    for (let block = 0; block < 0x110000; block += 256) {
      let text = '';
      for (let code = block; code < block + 256; code++) {
        if (code >= 0xd800 && code <= 0xdfff) continue;
        const c = String.fromCodePoint(code);
        text += `a${c}1${c}${c}.${c}中${c} ${c}`;
      }
      expectSame(text);
    }
  });

  it('gives the regex tokenizer’s tokens for any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string({ unit: fc.constantFrom(...'a1.,中ー〇 한𠀀\ud800é\u0301A,5'.split('')) }),
        ),
        (text) => expectSame(text),
      ),
      { numRuns: 2000 },
    );
  });
});
