// What a filing of a developing story is recognised by when its id is new and its
// text too short to fingerprint (a one-line flash, a brief): its headline, marker
// already off, and the lead, as tokens. Latin and other spaced scripts give words;
// Chinese, Japanese and Korean give character bigrams (as Lucene's CJK analyzer
// does), so "尹锡悦宣布紧急戒严" and "韩国总统尹锡悦宣布实施紧急戒严" share most of theirs.
// Numbers are kept apart: a figure that changed is a new day's market report, a new
// weather bulletin, not a re-filing.

export interface FilingText {
  /** Distinct tokens of the headline. */
  headline: string[];
  /** Distinct tokens of the lead (the body's start) that the headline does not have. */
  lead: string[];
  /** Distinct numbers of the headline, separators out: "2,500.12" → "2500.12". */
  numbers: string[];
}

/** How much of the body counts as its lead: about the first sentence or two. */
export const leadLength = 240;

const cjkRun = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
const tokenPattern =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}ー]+|\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+/gu;

// Words that every English headline has: they say nothing about which story it is.
const stopWords = new Set(
  'a an the of in on at to for from by with and or as is are was were be been its it this that than over after into amid says said'.split(
    ' ',
  ),
);

const isNumber = (token: string) => /^\p{N}/u.test(token);

function tokensOf(text: string, numbers?: Set<string>): string[] {
  const tokens: string[] = [];
  for (const [match] of text.normalize('NFKC').toLowerCase().matchAll(tokenPattern)) {
    if (isNumber(match)) {
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

export function filingTextOf(headline: string, body: string): FilingText {
  const numbers = new Set<string>();
  const head = new Set(tokensOf(headline, numbers));
  const lead = new Set(tokensOf(body.slice(0, leadLength)));
  return {
    headline: [...head],
    lead: [...lead].filter((t) => !head.has(t)),
    numbers: [...numbers],
  };
}

/** The share of `part`'s tokens that `whole` has. */
function covered(part: string[], whole: Set<string>): number {
  if (part.length === 0) return 0;
  let found = 0;
  for (const token of part) if (whole.has(token)) found++;
  return found / part.length;
}

export interface FilingOverlap {
  /** Share of the earlier headline's tokens in the later filing's headline and lead. */
  earlierInLater: number;
  /** Share of the later headline's tokens in the earlier filing's headline and lead. */
  laterInEarlier: number;
  /** Both headlines have numbers, and they share none. */
  numbersDiffer: boolean;
}

export function filingOverlap(earlier: FilingText, later: FilingText): FilingOverlap {
  const all = (text: FilingText) => new Set([...text.headline, ...text.lead]);
  const shared = earlier.numbers.some((n) => later.numbers.includes(n));
  return {
    earlierInLater: covered(earlier.headline, all(later)),
    laterInEarlier: covered(later.headline, all(earlier)),
    numbersDiffer: earlier.numbers.length > 0 && later.numbers.length > 0 && !shared,
  };
}
