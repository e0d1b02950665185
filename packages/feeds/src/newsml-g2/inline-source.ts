// NewsML-G2 2.35 "inlineXML" contents as written in the document text, per item:
// the object tree cannot give mixed content back in order.

/** Key of the n-th (from 0) item of a kind in document order, e.g. `newsItem#1`. */
export function itemKey(kind: string, index: number): string {
  return `${kind}#${index}`;
}

const itemKinds = 'newsItem|packageItem|conceptItem|knowledgeItem|planningItem|catalogItem';
const tags = new RegExp(`<(/?)(${itemKinds}|inlineXML)(?=[\\s/>])[^>]*?(/?)>`, 'g');

/** inlineXML contents per item key, in document order within each item. */
export function inlineXmlByItem(source: string): Map<string, string[]> {
  // Comments may hold anything; blank them but keep every offset.
  const xml = source.replace(/<!--[\s\S]*?-->/g, (comment) => ' '.repeat(comment.length));
  const found = new Map<string, string[]>();
  const counts = new Map<string, number>();
  let current: string | undefined;
  let start: number | undefined;
  for (const match of xml.matchAll(tags)) {
    const [tag, closing, name = '', selfClosing] = match;
    if (name !== 'inlineXML') {
      if (closing || selfClosing) continue;
      const index = counts.get(name) ?? 0;
      counts.set(name, index + 1);
      current = itemKey(name, index);
      found.set(current, []);
    } else if (current === undefined) {
    } else if (selfClosing) {
      found.get(current)?.push('');
    } else if (!closing) {
      start = match.index + tag.length;
    } else if (start !== undefined) {
      found.get(current)?.push(source.slice(start, match.index));
      start = undefined;
    }
  }
  return found;
}
