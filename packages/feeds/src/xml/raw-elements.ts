// The inner XML of elements as written in the source text. The object tree loses
// the order of mixed content (text between child elements), so markup carried
// inside XML (Atom xhtml content, NewsML inlineXML) is taken from the text itself.
export function innerXmlOfAll(xml: string, qualifiedName: string): string[] {
  const name = qualifiedName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const tag = new RegExp(`<(/?)${name}(?=[\\s/>])[^>]*?(/?)>`, 'g');
  const found: string[] = [];
  let depth = 0;
  let start = 0;
  for (let match = tag.exec(xml); match; match = tag.exec(xml)) {
    const closing = match[1] === '/';
    const selfClosing = match[2] === '/';
    if (!closing && selfClosing) {
      if (depth === 0) found.push('');
    } else if (!closing) {
      if (depth === 0) start = match.index + match[0].length;
      depth++;
    } else if (depth > 0) {
      depth--;
      if (depth === 0) found.push(xml.slice(start, match.index));
    }
  }
  return found;
}
