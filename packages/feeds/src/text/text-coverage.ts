// The parser's safety net: how much of the text an item's content parts hold
// survives into its article. Measured on word tokens (each CJK character a token,
// since those scripts put no spaces between words), as a multiset, so a body
// that keeps only its first paragraph shows as the loss it is.

import { countTextTokens, coverageTokens, hasUnitNfkcMayCount } from './word-counts.js';

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

/**
 * Whether the source text is one of the kept parts, or two of them in a row with
 * the line break that joins them: an article whose cleaning took nothing out keeps
 * its body's text as the very string its source text is.
 */
function isKeptParts(sourceText: string, keptParts: readonly string[]): boolean {
  const length = sourceText.length;
  for (let i = 0; i < keptParts.length; i++) {
    const part = keptParts[i] as string;
    if (part.length === length) {
      if (part === sourceText) return true;
      continue;
    }
    const next = keptParts[i + 1];
    if (
      next !== undefined &&
      part.length + 1 + next.length === length &&
      sourceText.charCodeAt(part.length) === 0x0a &&
      sourceText.startsWith(part) &&
      sourceText.endsWith(next)
    )
      return true;
  }
  return false;
}

/**
 * `textCoverage(sourceText, keptParts.join('\n'), sourceTokens)`. When the source
 * is one part or two in a row, it stands whole in the kept text and every token is
 * kept: the tokens are counted (or given), and the kept text is never joined or searched.
 */
export function textCoverageOfParts(
  sourceText: string,
  keptParts: readonly string[],
  sourceTokens?: number,
): TextCoverage {
  if (isKeptParts(sourceText, keptParts)) {
    const tokens = sourceTokens ?? countTextTokens(sourceText);
    return { sourceTokens: tokens, keptTokens: tokens, ratio: 1 };
  }
  const around = keptPartWithin(sourceText, keptParts);
  if (around !== undefined) return coverageAround(around, keptParts);
  return textCoverage(sourceText, keptParts.join('\n'), sourceTokens);
}

/** A source text that is a kept part with the rest before or after it. */
interface AroundPart {
  /** The kept part's index. */
  part: number;
  /** The source text but for the part. */
  rest: string;
}

const isBreak = (unit: number) => unit === 0x20 || unit === 0x0a;

/**
 * The longest kept part the source text opens or ends with, a space or line break
 * between it and the rest: what a cleaning that took a dateline off the body's
 * start, or a credit off its end, leaves. A space or line break ends every token,
 * and no case mapping reads across it, so the source's tokens are the rest's and
 * the part's. Undefined when NFKC may change the tokens (the regexes count them).
 */
function keptPartWithin(sourceText: string, keptParts: readonly string[]): AroundPart | undefined {
  let found: AroundPart | undefined;
  let longest = 0;
  for (let i = 0; i < keptParts.length; i++) {
    const part = keptParts[i] as string;
    if (part.length <= longest || part.length >= sourceText.length) continue;
    const cut = sourceText.length - part.length;
    if (isBreak(sourceText.charCodeAt(cut - 1)) && sourceText.endsWith(part)) {
      found = { part: i, rest: sourceText.slice(0, cut) };
    } else if (isBreak(sourceText.charCodeAt(part.length)) && sourceText.startsWith(part)) {
      found = { part: i, rest: sourceText.slice(part.length) };
    } else {
      continue;
    }
    longest = part.length;
  }
  return found === undefined || hasUnitNfkcMayCount(sourceText) ? undefined : found;
}

/**
 * The coverage of a source that is the rest plus a kept part, the part not read
 * token by token: the kept text holds the part's tokens, so of the source's tokens
 * it keeps all of those and, of the rest's, as many as the other parts hold (the
 * multiset count tokenByTokenCoverage makes).
 */
function coverageAround({ part, rest }: AroundPart, keptParts: readonly string[]): TextCoverage {
  const partTokens = countTextTokens(keptParts[part] as string);
  const restTokens = textTokens(rest);
  const sourceTokens = partTokens + restTokens.length;
  if (sourceTokens === 0) return { sourceTokens: 0, keptTokens: 0, ratio: 1 };
  const others = counts(keptParts.flatMap((text, i) => (i === part ? [] : textTokens(text))));
  let matched = partTokens;
  for (const t of restTokens) {
    const left = others.get(t) ?? 0;
    if (left > 0) {
      matched++;
      others.set(t, left - 1);
    }
  }
  return { sourceTokens, keptTokens: matched, ratio: matched / sourceTokens };
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
