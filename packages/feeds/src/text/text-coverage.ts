// The parser's safety net: how much of the text an item's content parts hold
// survives into its article. Measured on word tokens (each CJK character a token,
// since those scripts put no spaces between words), as a multiset, so a body
// that keeps only its first paragraph shows as the loss it is.

import { countTextTokens, coverageTokens } from './word-counts.js';

/** What a document's content parts held, against what its article keeps. */
export interface TextCoverage {
  /** Tokens in the item's content parts, as the source holds them. */
  sourceTokens: number;
  /** How many of those the article keeps (headline, bodies, descriptions, captions...). */
  keptTokens: number;
  /** keptTokens / sourceTokens, 1 when the source holds no text. */
  ratio: number;
}

/** Below this share kept, the item carries a warning (and the normalizer counts it). */
export const coverageWarningRatio = 0.8;
/** Below this share kept, the item is not published but dead-lettered (TEXT_LOST). */
export const coverageDeadLetterRatio = 0.3;
/** Too few tokens to judge: a one-line item may lose its credit and be fine. */
export const coverageMinimumTokens = 12;

// Han, Hiragana, Katakana and Thai run together without spaces: a token each.
// Other letters and digits make words (tokenPattern, in word-counts.ts).
export function textTokens(text: string): string[] {
  return coverageTokens(text);
}

function counts(tokens: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const t of tokens) map.set(t, (map.get(t) ?? 0) + 1);
  return map;
}

/**
 * Whether the source text stands whole in the kept text, between line breaks:
 * then the kept text has every one of its tokens, and only the source need be
 * read (an article whose cleaning took nothing out, the usual case).
 */
function keptWhole(sourceText: string, keptText: string): boolean {
  const at = keptText.indexOf(sourceText);
  if (at < 0) return false;
  const end = at + sourceText.length;
  return (
    (at === 0 || keptText[at - 1] === '\n') && (end === keptText.length || keptText[end] === '\n')
  );
}

/**
 * JavaScript's \s but U+FEFF: whitespace and line terminators, none of which lower
 * case reads through (U+FEFF it does, for a final sigma: Σ\uFEFFa is σ, Σ a is ς).
 */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Whether the source, from `from` to `to`, stands at `at` in the kept text, any whitespace run matching any other. */
function standsAt(source: string, from: number, to: number, kept: string, at: number): boolean {
  let i = from;
  let j = at;
  while (i < to) {
    const code = source.charCodeAt(i);
    // Most characters are printable ASCII and match: the one comparison.
    if (code > 32 && code < 127) {
      if (kept.charCodeAt(j) !== code) return false;
      i++;
      j++;
    } else if (isSpace(code)) {
      if (!isSpace(kept.charCodeAt(j))) return false;
      while (i < to && isSpace(source.charCodeAt(i))) i++;
      while (j < kept.length && isSpace(kept.charCodeAt(j))) j++;
    } else {
      if (kept.charCodeAt(j) !== code) return false;
      i++;
      j++;
    }
  }
  return j === kept.length || isSpace(kept.charCodeAt(j));
}

// Places in the kept text where the source's first word stands, tried at most.
const maxPlacesTried = 4;

/**
 * Whether the source stands whole in the kept text between whitespace, any run of
 * whitespace in either matching any other: whitespace is no token and ends every
 * token, so then too each source token has its own kept match, and neither text
 * need be cut into tokens. NITF's body read from its XML and from its HTML part
 * most often differ in nothing else (line breaks).
 */
function keptWholeBarWhitespace(sourceText: string, keptText: string): boolean {
  let from = 0;
  let to = sourceText.length;
  while (from < to && isSpace(sourceText.charCodeAt(from))) from++;
  while (to > from && isSpace(sourceText.charCodeAt(to - 1))) to--;
  if (from === to) return false;
  let wordEnd = from;
  while (wordEnd < to && !isSpace(sourceText.charCodeAt(wordEnd))) wordEnd++;
  const firstWord = sourceText.slice(from, wordEnd);
  // A few places to try, so a text of one word repeated costs no square of its length.
  let tries = maxPlacesTried;
  let at = keptText.indexOf(firstWord);
  while (at >= 0 && tries-- > 0) {
    const atWordStart = at === 0 || isSpace(keptText.charCodeAt(at - 1));
    if (atWordStart && standsAt(sourceText, from, to, keptText, at)) return true;
    at = keptText.indexOf(firstWord, at + 1);
  }
  return false;
}

/**
 * Whether the source's tokens stand in a row among the kept ones: then each has
 * its own kept match, as when the text stands whole, though the two texts part
 * in what is no token (NITF's body read from its XML and from its HTML part in
 * line breaks and quotes). A line break ends every token, so tokens joined by
 * one match only at a token's edges.
 */
function keptInARow(source: string[], kept: string[]): boolean {
  return `\n${kept.join('\n')}\n`.includes(`\n${source.join('\n')}\n`);
}

/** `sourceTokens`, when given, is `countTextTokens(sourceText)`, counted already. */
export function textCoverage(
  sourceText: string,
  keptText: string,
  sourceTokens?: number,
): TextCoverage {
  if (!keptWhole(sourceText, keptText) && !keptWholeBarWhitespace(sourceText, keptText)) {
    const source = textTokens(sourceText);
    const kept = textTokens(keptText);
    if (source.length > 0 && keptInARow(source, kept))
      return { sourceTokens: source.length, keptTokens: source.length, ratio: 1 };
    return tokenByTokenCoverage(source, kept);
  }
  const tokens = sourceTokens ?? countTextTokens(sourceText);
  return { sourceTokens: tokens, keptTokens: tokens, ratio: 1 };
}

/** The coverage counted token by token (what textCoverage's shortcuts must equal). */
export function wordByWordCoverage(sourceText: string, keptText: string): TextCoverage {
  return tokenByTokenCoverage(textTokens(sourceText), textTokens(keptText));
}

function tokenByTokenCoverage(source: string[], keptTokens: string[]): TextCoverage {
  if (source.length === 0) return { sourceTokens: 0, keptTokens: 0, ratio: 1 };
  const kept = counts(keptTokens);
  let matched = 0;
  for (const t of source) {
    const left = kept.get(t) ?? 0;
    if (left > 0) {
      matched++;
      kept.set(t, left - 1);
    }
  }
  return { sourceTokens: source.length, keptTokens: matched, ratio: matched / source.length };
}
