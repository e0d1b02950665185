// Repairs for what feeds publish all the time and XML forbids. Before parsing, a
// bare "&" (Fish & Chips) becomes "&amp;"; CDATA sections and comments are left
// as they are. When the document still is not well-formed, a misspelled end tag
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
  const before = /\S(?=\s*$)/.exec(text.slice(Math.max(0, start - 200), start))?.[0];
  const after = /^\s*(\S)/.exec(text.slice(end, end + 200))?.[1];
  return (before !== undefined && before !== '>') || (after !== undefined && after !== '<');
}

const escapedCdata = (region: string) =>
  region
    .slice('<![CDATA['.length, -']]>'.length)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');

export function repairXml(text: string): RepairedXml {
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
  return { text: result, warnings: repaired > 0 ? [`${repaired} bare "&" escaped`] : [] };
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
