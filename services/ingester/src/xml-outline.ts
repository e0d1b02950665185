// A document's outline in one pass over its text: the elements down to a few levels,
// each with its attributes as written, and the text of only those whose local names
// are asked for. No DTD is read and no entity but XML's own and character references
// is expanded, so the outline of a hostile document stays as small as its text.

export interface OutlineNode {
  /** The qualified name as written ("atom:id"). */
  name: string;
  /** The attributes as written, entities not yet expanded. */
  attributes: string;
  children: OutlineNode[];
  /** For elements whose text was asked for: their own text, entities expanded. */
  text?: string;
  /** For those elements: every text inside, descendants' included, in document order. */
  texts?: string[];
  /** For those elements: whether markup is nested inside. */
  hasChildElements?: boolean;
  /** For those elements, when markup is nested inside: their content as written. */
  markup?: string;
  /** For elements whose span was asked for: where the element starts and ends in the text. */
  span?: { start: number; end: number };
}

export interface OutlineSettings {
  /** The deepest level kept; the root is level 0. */
  maxDepth: number;
  /** Local names whose text is kept. */
  textOf: ReadonlySet<string>;
  /** Local names whose span (start tag to end tag) is kept, to cut the element out as written. */
  spanOf?: ReadonlySet<string>;
}

// XML's own entities, and the few HTML ones the normalizer's XML parser also expands.
const named: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  cent: '¢',
  pound: '£',
  yen: '¥',
  euro: '€',
  copy: '©',
  reg: '®',
  inr: '₹',
};
const entity = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]*));|[\u0080-\u009f]/g;

// A C1 character, raw or referenced, is never text: it is what windows-1252 puts
// there (’, €), as the normalizer's repair reads it; the five it leaves undefined go.
const windows1252 = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';

function character(point: number): string {
  if (point < 0x80 || point > 0x9f) return String.fromCodePoint(point);
  const mapped = windows1252[point - 0x80] as string;
  return mapped === '\u0000' ? '' : mapped;
}

/** Entities expanded as the normalizer's parser expands them; any other left as written. */
export function expandEntities(text: string): string {
  return text.replace(entity, (match, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return named[name] ?? match;
    if (decimal === undefined && hex === undefined) return character(match.charCodeAt(0));
    const point = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
    return point <= 0x10ffff ? character(point) : match;
  });
}

export const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

export const prefixOf = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? '' : name.slice(0, colon);
};

const attributePatterns = new Map<string, RegExp>();

/** An attribute's value, trimmed, entities expanded; absent or blank gives undefined. */
export function attributeOf(node: OutlineNode | undefined, name: string): string | undefined {
  if (node === undefined || !node.attributes.includes(name)) return undefined;
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    pattern = new RegExp(`(?:^|\\s)${escaped}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  const match = pattern.exec(node.attributes);
  const value = expandEntities(match?.[1] ?? match?.[2] ?? '').trim();
  return value === '' ? undefined : value;
}

/** Prefixes the node's xmlns declarations bind to one of the URIs; '' is the default one. */
export function prefixesBoundTo(node: OutlineNode | undefined, uris: readonly string[]): string[] {
  if (node === undefined || !node.attributes.includes('xmlns')) return [];
  const found: string[] = [];
  for (const match of node.attributes.matchAll(
    /(?:^|\s)xmlns(?::([^\s=]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g,
  )) {
    const uri = (match[2] ?? match[3] ?? '').trim().toLowerCase();
    if (uris.some((candidate) => candidate.toLowerCase() === uri)) found.push(match[1] ?? '');
  }
  return found;
}

/** Where a name or a tag ends; a quoted attribute value may hold '>'. */
function tagEnd(text: string, from: number): number {
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 62) return at;
    if (code === 34 || code === 39) {
      const quote = text.indexOf(code === 34 ? '"' : "'", at + 1);
      if (quote < 0) return -1;
      at = quote;
    }
  }
  return -1;
}

const nameEnd = /[\s/>]/g;

/**
 * The root element's outline, or undefined for text that is not a document: no root
 * or two, a tag, comment or CDATA section left open, an element never closed, or an end tag
 * that skips open elements. An end tag naming no open element closes the innermost
 * (a misspelling, as the normalizer's reader mends it). A DOCTYPE that declares
 * general entities is refused as the normalizer refuses it.
 */
export function outlineOf(text: string, settings: OutlineSettings): OutlineNode | undefined {
  const open: OutlineNode[] = [];
  // Elements whose text is being collected, with the depth each was opened at.
  const collecting: { node: OutlineNode; depth: number; start: number }[] = [];
  let root: OutlineNode | undefined;
  let depth = 0;
  let at = 0;
  const addText = (value: string, own: boolean) => {
    for (const { node, depth: opened } of collecting) {
      node.texts?.push(value);
      if (own && opened === depth - 1) node.text = (node.text ?? '') + value;
    }
  };
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    const textEnd = lt < 0 ? text.length : lt;
    if (collecting.length > 0 && textEnd > at)
      addText(expandEntities(text.slice(at, textEnd)), true);
    if (lt < 0) break;
    const next = text.charCodeAt(lt + 1);
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) return undefined;
      at = end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) return undefined;
      if (collecting.length > 0) addText(text.slice(lt + 9, end), true);
      at = end + 3;
    } else if (next === 33 /* ! */) {
      const subset = text.indexOf('[', lt);
      const close = text.indexOf('>', lt);
      if (close < 0) return undefined;
      if (subset >= 0 && subset < close) {
        const end = text.indexOf(']', subset);
        if (end < 0) return undefined;
        if (/<!ENTITY\s+(?!%)/i.test(text.slice(subset, end))) return undefined;
        at = text.indexOf('>', end) + 1;
        if (at === 0) return undefined;
      } else at = close + 1;
    } else if (next === 63 /* ? */) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) return undefined;
      at = end + 2;
    } else if (next === 47 /* / */) {
      const end = text.indexOf('>', lt + 2);
      if (end < 0 || depth === 0) return undefined;
      const name = text.slice(lt + 2, end).trim();
      const top = depth - 1;
      if (top < open.length && (open[top] as OutlineNode).name !== name) {
        // An end tag for an element open further out skips the ones inside it.
        if (open.some((node) => node.name === name)) return undefined;
      }
      depth--;
      const spanned = open[depth]?.span;
      if (spanned && depth < open.length) spanned.end = end + 1;
      if (depth < open.length) open.length = depth;
      const closed = collecting.at(-1);
      if (closed?.depth === depth) {
        collecting.pop();
        if (closed.node.hasChildElements) closed.node.markup = text.slice(closed.start, lt);
      }
      at = end + 1;
    } else {
      nameEnd.lastIndex = lt + 1;
      const afterName = nameEnd.exec(text)?.index ?? -1;
      const end = afterName < 0 ? -1 : tagEnd(text, afterName);
      if (end < 0) return undefined;
      const name = text.slice(lt + 1, afterName);
      const selfClosing = text.charCodeAt(end - 1) === 47;
      at = end + 1;
      if (depth === 0 && root !== undefined) return undefined; // a second root
      for (const { node } of collecting) node.hasChildElements = true;
      if (depth <= settings.maxDepth) {
        const node: OutlineNode = {
          name,
          attributes: text.slice(afterName, selfClosing ? end - 1 : end),
          children: [],
        };
        if (settings.spanOf?.has(localName(name))) node.span = { start: lt, end: at };
        if (depth === 0) root = node;
        else open[depth - 1]?.children.push(node);
        if (settings.textOf.has(localName(name))) {
          node.texts = [];
          if (!selfClosing) collecting.push({ node, depth, start: at });
        }
        if (!selfClosing) open[depth] = node;
      }
      if (!selfClosing) depth++;
    }
  }
  return depth === 0 ? root : undefined;
}
