// Wire markers on a headline: "(LEAD) ...", "(2nd LD) ...", "(URGENT) ...",
// "[속보] ...", "... (종합2보)", "快讯：...", "【速報】...", and other agencies'
// capitals before a dash: Reuters' "CORRECTED-...", "UPDATE 1-...", "REFILE-...",
// AFP's "URGENT - ...", "ALERTE - ...". They say what kind of filing this is, and
// where it stands in a developing story (a flash, or a later filing of one); the
// headline a reader sees keeps none of them.
import type { SourceSignal } from '@wire/schema';

/** Where a filing stands in a developing story, as its marker says. */
export type FilingStage = 'flash' | 'follow-up';

interface PrefixRule {
  pattern: RegExp;
  signal: SourceSignal;
  /** An urgent flash: ninjs urgency 1 when the source gave none. */
  urgent?: boolean;
  stage?: FilingStage;
  /** A re-send of an item filed before (REFILE, RPT, 再送): the same story sent again. */
  resent?: boolean;
}

// CJK agencies' markers: a flash (快讯, 速報, 속보), then briefs and detailed or
// combined filings of the same story (简讯, 详讯, 综合, 詳報, 2報, 종합2보).
const cjkFlash = /^(?:快讯|快訊|速報|速报|속보|긴급)$/;
const cjkFollowUp =
  /^(?:简讯|簡訊|详讯|詳訊|综合|綜合|詳報|続報|상보|第?\d+[報报]|第[一二三四五六七八九十]+[報报]|종합\d*(?:보)?|\d+보)$/;

// A re-send, which Yonhap's Korean service writes at the end too: "... (종합)(재송)".
const cjkResent = /^(?:재송|再送)$/;

const prefixRules: PrefixRule[] = [
  { pattern: /^(?:URGENT|FLASH|BULLETIN)$/i, signal: 'none', urgent: true, stage: 'flash' },
  { pattern: cjkFlash, signal: 'none', urgent: true, stage: 'flash' },
  {
    pattern: /^(?:LEAD|\d+(?:st|nd|rd|th) LD|\d+(?:st|nd|rd|th) LEAD|UPDATE(?: \d+)?|RECASTS?)$/i,
    signal: 'update',
    stage: 'follow-up',
  },
  // A re-send: the item filed again, hours later at times (Reuters' REFILE, RPT and
  // 再送, Yonhap's 재송).
  {
    pattern: /^(?:REFILE|RPT|REPEAT|재송|再送)$/i,
    signal: 'update',
    stage: 'follow-up',
    resent: true,
  },
  { pattern: cjkFollowUp, signal: 'update', stage: 'follow-up' },
  { pattern: /^(?:CORRECTION|CORRECTED|CORRECTS?|2nd CORRECTION)$/i, signal: 'correction' },
  { pattern: /^(?:수정|정정|訂正|订正)$/, signal: 'correction' },
  // A wire's kill advisory: the story is withdrawn, clients must not use it.
  { pattern: /^(?:KILL|KILLED|WITHDRAWN|WITHDRAWAL|ELIMINATION)$/i, signal: 'kill' },
  { pattern: /^(?:삭제|취소)$/, signal: 'kill' },
  {
    pattern:
      /^(?:News Focus|News Analysis|Yonhap Interview|Yonhap Feature|Feature|Interview|Profile|Photo|Editorial|Graphics?|News Summary|Factbox|Analysis|Preview|Roundup|Movie Review|Book Review)$/i,
    signal: 'none',
  },
  { pattern: /^(?:인터뷰|포토|사설|칼럼|그래픽|이슈 ?분석|뉴스 ?포커스)$/, signal: 'none' },
];

// ASCII and full-width brackets: (), [], （）, ［］, 【】, 〔〕, <>, ＜＞.
const leadingBracket =
  /^\s*[([（［【〔<＜]([^()[\]（）［］【】〔〕<>＜＞]{1,30})[)\]）］】〕>＞]\s*/;
const trailingBracket =
  /\s*[([（［【〔<＜]([^()[\]（）［］【】〔〕<>＜＞]{1,30})[)\]）］】〕>＞]\s*$/;
// "快讯：...", "速報 ...": a CJK marker word before a colon or a space; Reuters
// Japanese "再送-..." (a refile, often with no separator) and "訂正-..." too.
const leadingCjkWord =
  /^\s*(?:(快讯|快訊|简讯|簡訊|详讯|詳訊|速報|速报|詳報)\s*(?:[:：]\s*|\s+)|(再送)\s*[-－‐:：]?\s*|(訂正)\s*[-－‐:：]\s*)(?=\S)/;

// Capitals as agencies write them, case-sensitive so that "Update: ..." stays a headline.
const dashRules: PrefixRule[] = [
  {
    pattern: /^(?:URGENT|URGENTE|FLASH|ALERT|ALERTE|BULLETIN|EILMELDUNG|BREAKING)$/,
    signal: 'none',
    urgent: true,
    stage: 'flash',
  },
  {
    pattern: /^(?:UPDATE(?: \d+)?|WRAPUP(?: \d+)?|RECAST)$/,
    signal: 'update',
    stage: 'follow-up',
  },
  { pattern: /^(?:REFILE|RPT|REPEAT)$/, signal: 'update', stage: 'follow-up', resent: true },
  {
    pattern: /^(?:CORRECTED|CORRECTION|CORRECTS|RECTIFICATIF|BERICHTIGUNG)$/,
    signal: 'correction',
  },
  { pattern: /^(?:KILL|KILLED|WITHDRAWN)$/, signal: 'kill' },
];

const leadingCapitals = /^\s*([A-Z][A-Z]+(?: \d+)?)\s*[-–—:]\s*(?=\S)/;

/** The next prefix of the headline and its rule: bracketed, a CJK marker word, or before a dash. */
function nextPrefix(rest: string): { match: RegExpExecArray; rule: PrefixRule } | undefined {
  const bracketed = leadingBracket.exec(rest);
  const inner = bracketed?.[1]?.trim();
  const rule = inner ? prefixRules.find((r) => r.pattern.test(inner)) : undefined;
  if (bracketed && rule) return { match: bracketed, rule };
  const cjk = leadingCjkWord.exec(rest);
  const cjkWord = cjk?.[1] ?? cjk?.[2] ?? cjk?.[3];
  const cjkRule = cjkWord ? prefixRules.find((r) => r.pattern.test(cjkWord)) : undefined;
  if (cjk && cjkRule) return { match: cjk, rule: cjkRule };
  const dashed = leadingCapitals.exec(rest);
  const word = dashed?.[1];
  const dashRule = word ? dashRules.find((r) => r.pattern.test(word)) : undefined;
  return dashed && dashRule ? { match: dashed, rule: dashRule } : undefined;
}

/** A CJK filing marker at the end, as Yonhap's Korean service writes "... (종합2보)". */
function trailingMarker(rest: string): { match: RegExpExecArray; rule: PrefixRule } | undefined {
  const bracketed = trailingBracket.exec(rest);
  const inner = bracketed?.[1]?.trim();
  if (
    !bracketed ||
    !inner ||
    !(cjkFlash.test(inner) || cjkFollowUp.test(inner) || cjkResent.test(inner))
  )
    return undefined;
  const rule = prefixRules.find((r) => r.pattern.test(inner));
  return rule && bracketed.index > 0 ? { match: bracketed, rule } : undefined;
}

export interface HeadlinePrefixes {
  headline: string;
  /** The markers as written, e.g. "(LEAD) (Yonhap Interview)", "快讯：", "(종합2보)". */
  prefix?: string;
  signal: SourceSignal;
  urgent: boolean;
  /** A flash, or a later filing of a developing story; absent when no marker says. */
  stage?: FilingStage;
  /** A marker says the item is a re-send of one filed before (REFILE, RPT, 再送, 재송). */
  resent?: true;
}

const strength: Record<SourceSignal, number> = { none: 0, update: 1, correction: 2, kill: 3 };

export function splitWirePrefix(headline: string): HeadlinePrefixes {
  const taken: string[] = [];
  let rest = headline;
  let signal: SourceSignal = 'none';
  let urgent = false;
  let stage: FilingStage | undefined;
  let resent = false;
  const take = (match: RegExpExecArray, rule: PrefixRule) => {
    taken.push(match[0].trim());
    if (strength[rule.signal] > strength[signal]) signal = rule.signal;
    urgent ||= rule.urgent === true;
    resent ||= rule.resent === true;
    // A later filing's marker wins over a flash's: "[속보] ... (종합)" is a follow-up.
    if (rule.stage === 'follow-up' || (rule.stage === 'flash' && stage === undefined))
      stage = rule.stage;
  };
  for (let next = nextPrefix(rest); next; next = nextPrefix(rest)) {
    take(next.match, next.rule);
    rest = rest.slice(next.match[0].length);
  }
  for (let last = trailingMarker(rest); last; last = trailingMarker(rest)) {
    take(last.match, last.rule);
    rest = rest.slice(0, last.match.index);
  }
  // A headline that is nothing but a marker is the headline.
  if (rest.trim() === '') return { headline, signal: 'none', urgent: false };
  const result: HeadlinePrefixes = { headline: rest.trim(), signal, urgent };
  if (taken.length > 0) result.prefix = taken.join(' ');
  if (stage) result.stage = stage;
  if (resent) result.resent = true;
  return result;
}
