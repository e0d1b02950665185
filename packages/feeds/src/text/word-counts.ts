// The two counts every article needs of its text: the published word count and
// the coverage check's tokens (text-coverage.ts says what those are). Both are
// counts, so no token is built: one walk over the text's UTF-16 units with a
// table of what each unit is, read from the very regexes that define them once
// when the module loads. What the table cannot answer exactly (a character
// outside the Basic Multilingual Plane, a combining mark or a character that
// NFKC rewrites, where the coverage tokens are counted after NFKC) goes to the
// regexes themselves.

/** A word of the published count: a letter or digit, then letters, digits, apostrophes, hyphens. */
export const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

const cjkScripts = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}';
/** A coverage token, after NFKC and lower case: a CJK or Thai character, or a run of other letters, digits and marks. */
export const tokenPattern = new RegExp(
  `[${cjkScripts}]|[[\\p{L}\\p{N}\\p{M}]--[${cjkScripts}]]+`,
  'gv',
);

const wordStart = 1; // [\p{L}\p{N}]
const wordJoin = 2; // ['’-]: inside a word, not at its start
const tokenRun = 4; // [\p{L}\p{N}\p{M}] but not CJK: runs make one token
const tokenEach = 8; // CJK and Thai: a token each
// NFKC may change the count where this unit is: it rewrites the unit itself, or,
// as a combining mark or a Hangul jamo, joins it to the one before. A unit it
// rewrites into what is no letter, digit or mark either (a no-break space, an
// ellipsis, fullwidth punctuation: common in news copy) separates tokens before
// and after, so the count stays the table's.
const nfkcMay = 16;

const letterDigitOrMark = /[\p{L}\p{N}\p{M}]/u;
/** Whether NFKC changes the unit in a way that can change a token count. */
function nfkcMayCount(unit: string): boolean {
  const normalized = unit.normalize('NFKC');
  if (normalized === unit) return false;
  return letterDigitOrMark.test(unit) || letterDigitOrMark.test(normalized);
}

const units = unitClasses();

function unitClasses(): Uint8Array {
  const table = new Uint8Array(0x10000);
  const chunks: string[] = [];
  for (let code = 0; code < 0x10000; code += 0x1000) {
    const chunk = Array.from({ length: 0x1000 }, (_, i) => code + i).map((c) =>
      // A surrogate alone is no character: a space stands in its place.
      c >= 0xd800 && c <= 0xdfff ? 0x20 : c,
    );
    chunks.push(String.fromCharCode(...chunk));
  }
  const plane = chunks.join('');
  const mark = (pattern: RegExp, bit: number) => {
    // Every unit outside the class becomes NUL: the same length, so a position names its unit.
    const kept = plane.replace(pattern, '\0');
    for (let i = 0; i < kept.length; i++)
      if (kept.charCodeAt(i) !== 0) table[i] = (table[i] as number) | bit;
  };
  mark(/[^\p{L}\p{N}]/gu, wordStart);
  mark(/[^'’-]/gu, wordJoin);
  mark(new RegExp(`[^[\\p{L}\\p{N}\\p{M}]--[${cjkScripts}]]`, 'gv'), tokenRun);
  mark(new RegExp(`[^${cjkScripts}]`, 'gu'), tokenEach);
  mark(/[^\p{M}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/gu, nfkcMay);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (nfkcMayCount(String.fromCharCode(c))) table[c] = (table[c] as number) | nfkcMay;
  }
  for (let c = 0xd800; c <= 0xdfff; c++) table[c] = nfkcMay;
  return table;
}

const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff;

/** How many words `wordPattern` finds in the text. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (isSurrogate(unit)) return text.match(wordPattern)?.length ?? 0;
    const kind = units[unit] as number;
    if (kind & wordStart) {
      if (!inWord) words++;
      inWord = true;
    } else if (!(kind & wordJoin)) {
      inWord = false;
    }
  }
  return words;
}

/** How many coverage tokens the text holds: `textTokens(text).length`, without the tokens. */
export function countTextTokens(text: string): number {
  return textCounts(text).tokens;
}

// Where the table cannot answer: the regex, after NFKC as the coverage check reads.
const tokensByPattern = (text: string) => text.normalize('NFKC').match(tokenPattern)?.length ?? 0;

/** The coverage tokens by their definition: the regex over the text after NFKC, lower case. */
export const coverageTokensByPattern = (text: string): string[] =>
  text.normalize('NFKC').toLowerCase().match(tokenPattern) ?? [];

/** Whether NFKC may change the text's tokens: then only the regexes count them. */
export const hasUnitNfkcMayCount = (text: string): boolean => {
  for (let i = 0; i < text.length; i++)
    if ((units[text.charCodeAt(i)] as number) & nfkcMay) return true;
  return false;
};

/**
 * The coverage tokens themselves (`coverageTokensByPattern`), cut by the table:
 * when NFKC leaves every letter of the text as it is, the tokens are the runs of
 * its lower case that the table marks, with no regex and no normalizing.
 */
export function coverageTokens(text: string): string[] {
  if (hasUnitNfkcMayCount(text)) return coverageTokensByPattern(text);
  const lower = text.toLowerCase();
  const tokens: string[] = [];
  let runStart = -1;
  for (let i = 0; i < lower.length; i++) {
    const kind = units[lower.charCodeAt(i)] as number;
    // Lower case may bring a mark (İ is i and a dot above): the regex answers.
    if (kind & nfkcMay) return coverageTokensByPattern(text);
    if (kind & tokenRun) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) tokens.push(lower.slice(runStart, i));
    runStart = -1;
    if (kind & tokenEach) tokens.push(lower.charAt(i));
  }
  if (runStart >= 0) tokens.push(lower.slice(runStart));
  return tokens;
}

export interface TextCounts {
  /** `countWords(text)`: the published word count. */
  words: number;
  /** `countTextTokens(text)`: what the coverage check measures. */
  tokens: number;
}

// textCounts' walk as a table: the state it is in (inside a word, inside a token
// run) and the class of the next unit give the next state and what that unit
// counts, so a unit costs two lookups and no branch but the way out to the
// regexes (the walk with branches per bit was a sixth as fast).
const insideWord = 1;
const insideRun = 2;
const countsWord = 4;
const countsToken = 8;
const leave = 16;
const steps = countingSteps();

function countingSteps(): Uint8Array {
  const table = new Uint8Array(4 * 32);
  for (let kind = 0; kind < 32; kind++) {
    for (let state = 0; state < 4; state++) {
      const at = state | (kind << 2);
      // A surrogate is marked too: the regexes count what the table cannot.
      if (kind & nfkcMay) {
        table[at] = leave;
        continue;
      }
      let step = 0;
      if (kind & wordStart) step |= insideWord | (state & insideWord ? 0 : countsWord);
      else if (kind & wordJoin) step |= state & insideWord;
      if (kind & tokenEach) step |= countsToken;
      else if (kind & tokenRun) step |= insideRun | (state & insideRun ? 0 : countsToken);
      table[at] = step;
    }
  }
  return table;
}

/**
 * Both counts in one walk: an article's plain text is usually the very text its
 * coverage is measured on, so it is read once for the two.
 */
export function textCounts(text: string): TextCounts {
  let words = 0;
  let tokens = 0;
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const step = steps[state | ((units[text.charCodeAt(i)] as number) << 2)] as number;
    if (step & leave) return { words: countWords(text), tokens: tokensByPattern(text) };
    words += (step & countsWord) >> 2;
    tokens += (step & countsToken) >> 3;
    state = step & 3;
  }
  return { words, tokens };
}
