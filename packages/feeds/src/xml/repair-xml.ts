// Repairs for what feeds publish all the time and XML forbids. Before parsing, a
// bare "&" (Fish & Chips) becomes "&amp;"; CDATA sections and comments are left
// as they are. A character in the C1 range (U+0080 to U+009F), written as a
// reference (`&#146;`) or as is, is never text: it is what windows-1252 puts
// there (’, €), as browsers and feedparser read it. When the document still is not well-formed, a misspelled end tag
// (`<title>…</subtitle>`, `<language>…</langauge>`, a name open nowhere) closes
// the element it stands for, as feedparser and gofeed recover it. Anything else
// not well-formed stays an error.
import { xmlTokens } from './raw-xml.js';

const protectedRegion = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g;
const bareAmpersand = /&(?!#\d+;|#x[0-9a-fA-F]+;|[A-Za-z_][\w.-]*;)/g;

export interface RepairedXml {
  text: string;
  warnings: string[];
}

/**
 * A CDATA section with text beside it in the same element (`Breaking: <![CDATA[<b>Big
 * News</b>]]> today`): the parser trims each text piece, so the words on either side
 * would lose their spaces. Written as escaped text instead, which XML holds to mean
 * the same, the element has one text and keeps them.
 */
function isMixedCdata(text: string, region: string, start: number, end: number): boolean {
  if (!region.startsWith('<![CDATA[')) return false;
  // The last non-space character before it (a regex looking ahead to the end from
  // each character was quadratic in the 200 read).
  const before = text
    .slice(Math.max(0, start - 200), start)
    .trimEnd()
    .at(-1);
  const after = /^\s*(\S)/.exec(text.slice(end, end + 200))?.[1];
  return (before !== undefined && before !== '>') || (after !== undefined && after !== '<');
}

const escapedCdata = (region: string) =>
  region
    .slice('<![CDATA['.length, -']]>'.length)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');

// windows-1252's characters for 0x80 to 0x9F; the five it leaves undefined are dropped.
const windows1252 = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';
const c1 = /&#(?:(1[2-5]\d)|[xX]0*([89][0-9a-fA-F]));|[\u0080-\u009f]/g;
// Its two halves, each a pattern the regex engine scans for fast: a text with
// neither (nearly every one) is as it was, without the scan for the alternation,
// which was 3 % of RSS parse time.
const c1Character = /[\u0080-\u009f]/;
const c1Reference = /&#(?:1[2-5]\d|[xX]0*[89][0-9a-fA-F]);/;

export function c1AsWindows1252(text: string): { text: string; mapped: number } {
  if (!c1Character.test(text) && !c1Reference.test(text)) return { text, mapped: 0 };
  let mapped = 0;
  const result = text.replace(c1, (match, decimal?: string, hex?: string) => {
    const code = decimal ? Number(decimal) : hex ? Number.parseInt(hex, 16) : match.charCodeAt(0);
    if (code < 0x80 || code > 0x9f) return match;
    mapped++;
    const char = windows1252[code - 0x80] as string;
    return char === '\u0000' ? '' : char;
  });
  return { text: result, mapped };
}

export function repairXml(source: string): RepairedXml {
  const { text, mapped } = c1AsWindows1252(source);
  let repaired = 0;
  let result = '';
  let last = 0;
  const escapeBare = (part: string) =>
    part.replace(bareAmpersand, () => {
      repaired++;
      return '&amp;';
    });
  for (const match of text.matchAll(protectedRegion)) {
    const end = match.index + match[0].length;
    result += escapeBare(text.slice(last, match.index));
    result += isMixedCdata(text, match[0], match.index, end) ? escapedCdata(match[0]) : match[0];
    last = end;
  }
  result += escapeBare(text.slice(last));
  const warnings = repaired > 0 ? [`${repaired} bare "&" escaped`] : [];
  if (mapped > 0) warnings.push(`${mapped} C1 characters read as windows-1252`);
  return { text: result, warnings };
}

/**
 * The text with each end tag whose name is open nowhere turned into the end tag of
 * the innermost open element; undefined when there is no such tag to mend (or
 * the nesting is broken in some other way, which no guess should paper over).
 */
export function repairEndTags(text: string): RepairedXml | undefined {
  const open: string[] = [];
  let result = '';
  let last = 0;
  let repaired = 0;
  for (const token of xmlTokens(text)) {
    if (token.kind === 'open') {
      if (!token.selfClosing) open.push(token.name);
    } else if (token.kind === 'close') {
      const innermost = open.at(-1);
      if (token.name === innermost) {
        open.pop();
      } else if (innermost !== undefined && !open.includes(token.name)) {
        result += `${text.slice(last, token.start)}</${innermost}>`;
        last = token.end;
        open.pop();
        repaired++;
      } else {
        return undefined;
      }
    }
  }
  if (repaired === 0) return undefined;
  return {
    text: result + text.slice(last),
    warnings: [
      `${repaired} misspelled end tag${repaired === 1 ? '' : 's'} taken for the open element's`,
    ],
  };
}
