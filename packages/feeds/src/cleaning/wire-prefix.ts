// Wire prefixes at the start of a headline: "(LEAD) ...", "(2nd LD) ...", "(URGENT)
// ...", "(속보) ...", "[종합] ...", and other agencies' capitals before a dash:
// Reuters' "CORRECTED-...", "UPDATE 1-...", "REFILE-...", AFP's "URGENT - ...",
// "ALERTE - ...". They say what kind of filing this is; the headline a reader
// sees keeps none of them.
import type { SourceSignal } from '@wire/schema';

interface PrefixRule {
  pattern: RegExp;
  signal: SourceSignal;
  /** An urgent flash: ninjs urgency 1 when the source gave none. */
  urgent?: boolean;
}

const prefixRules: PrefixRule[] = [
  { pattern: /^(?:URGENT|FLASH|BULLETIN)$/i, signal: 'none', urgent: true },
  { pattern: /^속보$/, signal: 'none', urgent: true },
  {
    pattern:
      /^(?:LEAD|\d+(?:st|nd|rd|th) LD|\d+(?:st|nd|rd|th) LEAD|UPDATE(?: \d+)?|RECASTS?|REFILE)$/i,
    signal: 'update',
  },
  { pattern: /^(?:종합\d*(?:보)?|\d+보)$/, signal: 'update' },
  { pattern: /^(?:CORRECTION|CORRECTED|CORRECTS?|2nd CORRECTION)$/i, signal: 'correction' },
  { pattern: /^(?:수정|정정)$/, signal: 'correction' },
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

const leadingBracket = /^\s*[([]([^()[\]]{1,30})[)\]]\s*/;

// Capitals as agencies write them, case-sensitive so that "Update: ..." stays a headline.
const dashRules: PrefixRule[] = [
  {
    pattern: /^(?:URGENT|URGENTE|FLASH|ALERT|ALERTE|BULLETIN|EILMELDUNG|BREAKING)$/,
    signal: 'none',
    urgent: true,
  },
  { pattern: /^(?:UPDATE(?: \d+)?|WRAPUP(?: \d+)?|REFILE|RPT|RECAST)$/, signal: 'update' },
  {
    pattern: /^(?:CORRECTED|CORRECTION|CORRECTS|RECTIFICATIF|BERICHTIGUNG)$/,
    signal: 'correction',
  },
  { pattern: /^(?:KILL|KILLED|WITHDRAWN)$/, signal: 'kill' },
];

const leadingCapitals = /^\s*([A-Z][A-Z]+(?: \d+)?)\s*[-–—:]\s*(?=\S)/;

/** The next prefix of the headline and its rule, bracketed or before a dash. */
function nextPrefix(rest: string): { match: RegExpExecArray; rule: PrefixRule } | undefined {
  const bracketed = leadingBracket.exec(rest);
  const inner = bracketed?.[1]?.trim();
  const rule = inner ? prefixRules.find((r) => r.pattern.test(inner)) : undefined;
  if (bracketed && rule) return { match: bracketed, rule };
  const dashed = leadingCapitals.exec(rest);
  const word = dashed?.[1];
  const dashRule = word ? dashRules.find((r) => r.pattern.test(word)) : undefined;
  return dashed && dashRule ? { match: dashed, rule: dashRule } : undefined;
}

export interface HeadlinePrefixes {
  headline: string;
  /** The prefixes as written, e.g. "(LEAD) (Yonhap Interview)". */
  prefix?: string;
  signal: SourceSignal;
  urgent: boolean;
}

const strength: Record<SourceSignal, number> = { none: 0, update: 1, correction: 2, kill: 3 };

export function splitWirePrefix(headline: string): HeadlinePrefixes {
  const taken: string[] = [];
  let rest = headline;
  let signal: SourceSignal = 'none';
  let urgent = false;
  for (;;) {
    const next = nextPrefix(rest);
    if (!next) break;
    const { match, rule } = next;
    taken.push(match[0].trim());
    rest = rest.slice(match[0].length);
    if (strength[rule.signal] > strength[signal]) signal = rule.signal;
    urgent ||= rule.urgent === true;
  }
  const result: HeadlinePrefixes = { headline: rest.trim(), signal, urgent };
  if (taken.length > 0) result.prefix = taken.join(' ');
  return result;
}
