// The one repair applied before parsing: a bare "&" (Fish & Chips), which XML
// forbids and feeds publish all the time, becomes "&amp;". CDATA sections and
// comments are left as they are. Anything else not well-formed stays an error.
const protectedRegion = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g;
const bareAmpersand = /&(?!#\d+;|#x[0-9a-fA-F]+;|[A-Za-z_][\w.-]*;)/g;

export interface RepairedXml {
  text: string;
  warnings: string[];
}

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
    result += escapeBare(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  result += escapeBare(text.slice(last));
  return { text: result, warnings: repaired > 0 ? [`${repaired} bare "&" escaped`] : [] };
}
