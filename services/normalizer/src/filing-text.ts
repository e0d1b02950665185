// What a filing of a developing story is recognised by when its id is new and its
// text too short to fingerprint (a one-line flash, a brief): its headline, marker
// already off, and the lead, as tokens. Latin and other spaced scripts give words;
// Chinese, Japanese and Korean give character bigrams (as Lucene's CJK analyzer
// does), so "尹锡悦宣布紧急戒严" and "韩国总统尹锡悦宣布实施紧急戒严" share most of theirs.
// Numbers are kept apart: a figure that changed is a new day's market report, a new
// weather bulletin, not a re-filing.
import { tokensOf } from './filing-tokens.js';

export interface FilingText {
  /** Distinct tokens of the headline. */
  headline: string[];
  /** The sessions the headline names (open, close, midday...): a market report's. */
  sessions: string[];
  /** Distinct tokens of the lead (the body's start) that the headline does not have. */
  lead: string[];
  /** Distinct numbers of the headline, separators out: "2,500.12" → "2500.12". */
  numbers: string[];
  /** An untitled flash (财联社's one-line 电报), read by its first sentence. */
  untitled?: boolean;
  /**
   * A digest: the body opens with a numbered list (1、 1. ① 一、 (1), after at most
   * a short header), so its lead is the first of several stories.
   */
  digest?: boolean;
  /**
   * The days the headline names ("7-29" for 7월 29일, 7月29日, July 29): a box score,
   * a day's market table, a tally to a date. Absent when it names none.
   */
  dates?: string[];
  /**
   * Whom a quote headline quotes: the few words before its quote or colon
   * (`국정원 "…"`, `伊朗外交部：…`), NFKC and lower case.
   */
  speaker?: string;
}

// Words that name the session a recurring report is of: the same market's open
// and close, a midday and an evening digest, are two stories with one headline.
const sessionWords: [string, RegExp][] = [
  ['open', /开盘|開盤|개장|출발|寄り付き|始値|\bopens?\b|\bopened\b|\bopening\b/iu],
  ['close', /收盘|收盤|마감|大引け|終値|\bclos(?:es?|ed|ing)\b/iu],
  ['midday', /午间|午盤|午盘|前場|\bmidday\b|\bnoon\b/iu],
  ['evening', /晚间|晚盘|夜盘|저녁|後場|\bevening\b/iu],
  ['morning', /早间|早盘|早报|晨报|아침|오전|\bmorning\b/iu],
];

// A day as headlines write it: 7월 29일, 7月29日, 7月1-12日 (a span counts as its own
// day), July 29, 29 July.
const months = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
const cjkDate = /(\d{1,2})\s*[월月]\s*(\d{1,2})(?:\s*[-~～至]\s*(\d{1,2}))?\s*[일日]/gu;
const englishDate =
  /\b(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})|(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\b/giu;

function datesOf(title: string): string[] {
  const text = title.normalize('NFKC');
  const dates = new Set<string>();
  for (const [, month, day, until] of text.matchAll(cjkDate))
    dates.add(`${Number(month)}-${Number(day)}${until ? `-${Number(until)}` : ''}`);
  for (const [, monthFirst, dayAfter, dayFirst, monthAfter] of text.matchAll(englishDate)) {
    const month = months.indexOf(((monthFirst ?? monthAfter) as string).toLowerCase()) + 1;
    dates.add(`${month}-${Number(dayAfter ?? dayFirst)}`);
  }
  return [...dates];
}

/** How much of the body counts as its lead: about the first sentence or two. */
export const leadLength = 240;

const numberStart = /^\p{N}/u;
const isNumber = (token: string) => numberStart.test(token);

// Credit lines that open every item of an agency and say nothing of the story:
// Chinese datelines ("新华社北京12月3日电（记者 王明）", "财联社5月14日电，") and Korean
// bylines ("[서울=뉴시스] 신정원 기자 = ").
const openingCredit =
  /^\s*(?:【[^】]{0,80}】\s*)?(?:[\p{sc=Han}]{1,8}社[\p{sc=Han}]{0,8}\d{1,2}月\d{1,2}日电\s*(?:[（(][^）)]{0,30}[）)])?\s*[，,：:]?|\[[^\]=]{1,20}=[^\]]{1,20}\][^=]{0,30}=)\s*/u;

// The first sentence of a body: what an untitled flash says in place of a headline.
const firstSentence = /^[^。！？!?\n]*(?:[。！？!?]|\.(?=\s|$))/u;

// A body that opens with a numbered list, after at most a short header ("投资者需重点关注的
// 美股市场财经要闻如下：", "中东局势更新"): a digest's ("财联社5月14日晚间新闻精选",
// "《新闻联播》要闻16条", "매경이 전하는 세상의 지식").
// A headline that opens with a speaker and then a quote or a colon.
const quoteHeadline = /^\s*([^"“”'‘’「」『』:：,，…]{2,16}?)\s*(?:["“「『]|[:：](?=\s*\S))/u;

const opensWithList = /^[^。！？!?\n]{0,60}?(?:^|[\s：:])(?:1、|1[.．](?!\d)|①|一、|[（(]1[）)])/u;

/**
 * The filing's text. An untitled flash ("财联社5月22日电，据报道，…") is known by its
 * first sentence, as a titled one is by its headline.
 */
export function filingTextOf(headline: string, body: string): FilingText {
  const numbers = new Set<string>();
  const opening = body.replace(openingCredit, '');
  const title =
    headline.trim() || (firstSentence.exec(opening.trim())?.[0] ?? opening.slice(0, 120));
  const head = new Set(tokensOf(title, numbers));
  const lead = new Set(tokensOf(opening.slice(0, leadLength)));
  const dates = datesOf(title);
  return {
    ...(dates.length > 0 && { dates }),
    ...(headline.trim() === '' && { untitled: true }),
    ...(opensWithList.test(opening.trim()) && { digest: true }),
    ...speakerOf(headline),
    headline: [...head],
    sessions: sessionWords.filter(([, pattern]) => pattern.test(title)).map(([name]) => name),
    lead: [...lead].filter((t) => !head.has(t)),
    numbers: [...numbers],
  };
}

function speakerOf(headline: string): { speaker?: string } {
  const speaker = quoteHeadline.exec(headline)?.[1]?.normalize('NFKC').toLowerCase().trim();
  return speaker ? { speaker } : {};
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
  /**
   * Both headlines give figures and share none: another session's market close, a
   * new tally, not the same story told again.
   */
  numbersDiffer: boolean;
  /** Both headlines name a session, and not the same: a market's open and its close. */
  sessionsDiffer: boolean;
  /** Both headlines name a day, and not the same: one game's box score and the next's. */
  datesDiffer: boolean;
  /** Every figure of the earlier headline is in the later filing's headline or lead. */
  earlierFiguresKept: boolean;
  /** Share of the earlier headline's words, figures left out, in the later headline and lead. */
  earlierWordsInLater: number;
  /** Share of the later headline's words, figures left out, in the earlier headline and lead. */
  laterWordsInEarlier: number;
}

// A new filing is compared with up to 20 candidates, and a recorded one with every
// filing after it: what it is compared by is built once per filing text.
interface Comparable {
  /** Its headline's and lead's tokens. */
  all: Set<string>;
  /** Its headline's tokens that are not figures. */
  words: string[];
}

const comparables = new WeakMap<FilingText, Comparable>();

function comparable(text: FilingText): Comparable {
  let found = comparables.get(text);
  if (!found) {
    found = {
      all: new Set([...text.headline, ...text.lead]),
      words: text.headline.filter((t) => !isNumber(t)),
    };
    comparables.set(text, found);
  }
  return found;
}

export function filingOverlap(earlier: FilingText, later: FilingText): FilingOverlap {
  const inLater = comparable(later);
  const inEarlier = comparable(earlier);
  const shared = earlier.numbers.some((n) => later.numbers.includes(n));
  return {
    earlierInLater: covered(earlier.headline, inLater.all),
    laterInEarlier: covered(later.headline, inEarlier.all),
    numbersDiffer: earlier.numbers.length > 0 && later.numbers.length > 0 && !shared,
    datesDiffer:
      earlier.dates !== undefined &&
      later.dates !== undefined &&
      !earlier.dates.some((d) => later.dates?.includes(d)),
    sessionsDiffer:
      earlier.sessions.length > 0 &&
      later.sessions.length > 0 &&
      !earlier.sessions.some((s) => later.sessions.includes(s)),
    earlierFiguresKept: earlier.numbers.every((n) => inLater.all.has(n)),
    earlierWordsInLater: covered(inEarlier.words, inLater.all),
    laterWordsInEarlier: covered(inLater.words, inEarlier.all),
  };
}
