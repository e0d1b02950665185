// The inner XML of elements as written in the source text. The object tree loses
// the order of mixed content (text between child elements), so markup carried
// inside XML (Atom xhtml content, NewsML inlineXML) is taken from the text itself.
// Comments, CDATA sections and processing instructions are skipped while scanning,
// so markup-like text inside them is never taken for an element.

// A comment, a CDATA section, a processing instruction or a declaration, else a tag.
const token =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>|<(\/?)([^\s/>!?]+)(?:"[^"]*"|'[^']*'|[^'">])*?(\/?)>/g;

interface Span {
  start: number;
  end: number;
}

function elementsNamed(xml: string, qualifiedName: string, childrenOnly: boolean): Span[] {
  const found: Span[] = [];
  const scanner = new RegExp(token.source, 'g');
  // depth counts every open element; `open` is the depth at which a match began.
  let depth = 0;
  let open = -1;
  let start = 0;
  for (let match = scanner.exec(xml); match; match = scanner.exec(xml)) {
    const name = match[2];
    if (name === undefined) continue;
    const closing = match[1] === '/';
    const selfClosing = match[3] === '/';
    const wanted = name === qualifiedName && (!childrenOnly || depth === 0);
    if (closing) {
      depth--;
      if (open >= 0 && depth === open && name === qualifiedName) {
        found.push({ start, end: match.index });
        open = -1;
      }
    } else if (selfClosing) {
      if (open < 0 && wanted) found.push({ start: match.index, end: match.index });
    } else {
      if (open < 0 && wanted) {
        open = depth;
        start = match.index + match[0].length;
      }
      depth++;
    }
  }
  return found;
}

/** The inner XML of every outermost element with that qualified name, in order. */
export function innerXmlOfAll(xml: string, qualifiedName: string): string[] {
  return elementsNamed(xml, qualifiedName, false).map(({ start, end }) => xml.slice(start, end));
}

/** The inner XML of the elements with that name that are direct children of the fragment. */
export function innerXmlOfChildren(xml: string, qualifiedName: string): string[] {
  return elementsNamed(xml, qualifiedName, true).map(({ start, end }) => xml.slice(start, end));
}
