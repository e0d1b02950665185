// A bound on how deep HTML nests, applied to the text before any HTML parser
// sees it: htmlparser2 costs time quadratic in the depth,
// and the tree walks after it recurse, so 5,000 nested <div>s overflow the stack.
// One linear pass counts open elements as a parser would (void elements do not
// nest) and drops the tags below `maxDepth`, keeping their text. It may over-count
// (an implied end tag, a tag inside a comment) but never under-counts; what it
// leaves still goes through the sanitizer.
const tag = /<(\/?)([A-Za-z][^\s/>]*)[^>]*>/g;

const voidElements = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

export const maxHtmlDepth = 1_000;

/** Whether the text has more than `limit` tag openings ("<"), counted up to limit + 1. */
function hasMoreTagsThan(html: string, limit: number): boolean {
  let count = 0;
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
    if (++count > limit) return true;
  }
  return false;
}

export function limitNesting(html: string, maxDepth = maxHtmlDepth): string {
  // Fewer tags than the limit cannot nest deeper than it; a body rarely has a
  // thousand, and counting "<" costs a fraction of reading each tag.
  if (html.length < maxDepth * 3 || !hasMoreTagsThan(html, maxDepth)) return html;
  let depth = 0;
  let dropped = false;
  const limited = html.replace(tag, (whole, slash: string, name: string) => {
    if (voidElements.has(name.toLowerCase())) return whole;
    if (slash === '') {
      depth++;
      if (depth <= maxDepth) return whole;
    } else {
      if (depth === 0) return whole;
      depth--;
      if (depth < maxDepth) return whole;
    }
    dropped = true;
    return '';
  });
  return dropped ? limited : html;
}
