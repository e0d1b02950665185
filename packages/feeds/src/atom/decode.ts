// Atom 1.0 (RFC 4287) and the common parts of Atom 0.3: the XML tree, plus the
// source text for markup, to a typed, Atom-shaped object. Text constructs follow
// RFC 4287 section 3.1 (text, html, xhtml) and 4.1.3 (content by MIME type, base64
// for binary types) and Atom 0.3's mode attribute (xml, escaped, base64). Atom
// elements are read under whatever prefix the document binds to the namespace.
// Links resolve against xml:base (feed, entry, link). Media RSS is read on entries.
import { decodeMediaRss, type MediaReference } from '../media/media-rss.js';
import { withoutControlCharacters } from '../xml/control-characters.js';
import { namespaceUris, prefixesFor, withoutPrefix } from '../xml/namespaces.js';
import { asArray, textKey, textOf, type XmlNode } from '../xml/parse-xml.js';
import { baseWithin, resolveReference } from '../xml/xml-base.js';
import { attributeKey } from '../xml/xml-tree.js';
import { decodeBase64Text } from './base64-text.js';
import { type RawEntry, rawEntries } from './xhtml.js';

export interface AtomText {
  type: 'text' | 'html' | 'xhtml';
  value: string;
}

export interface AtomLink {
  href: string;
  rel: string;
  type?: string;
  length?: number;
}

export interface AtomEntry {
  id?: string;
  title?: AtomText;
  links: AtomLink[];
  /** feedburner:origLink: the publisher's URL behind FeedBurner's redirect. */
  origLink?: string;
  updated?: string;
  published?: string;
  authors: string[];
  summary?: AtomText;
  content?: AtomText & { src?: string };
  categories: { term?: string; label?: string; scheme?: string }[];
  rights?: string;
  language?: string;
  media: MediaReference[];
}

export interface AtomFeed {
  title?: string;
  language?: string;
  rights?: string;
  authors: string[];
  entries: AtomEntry[];
}

const attr = (node: unknown, name: string): string | undefined => {
  const value =
    typeof node === 'object' && node !== null ? (node as XmlNode)[attributeKey(name)] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

const plain = (node: unknown): string | undefined =>
  withoutControlCharacters(textOf(node) ?? '').trim() || undefined;

const hasChildElements = (node: unknown): boolean =>
  typeof node === 'object' &&
  node !== null &&
  Object.keys(node).some((key) => key !== textKey && !key.startsWith('@_'));

function unwrapDiv(inner: string): string {
  const match = /^\s*<(?:[\w.-]+:)?div\b[^>]*>([\s\S]*)<\/(?:[\w.-]+:)?div>\s*$/.exec(inner);
  return (match?.[1] ?? inner).trim();
}

const isHtml = (type: string) => type === 'html' || type === 'text/html';
const isXml = (type: string) => type === 'xhtml' || /[/+]xml$/.test(type);
// A MIME type that is neither text nor XML: the content is base64 (RFC 4287 4.1.3.3).
const isBinary = (type: string) => type.includes('/') && !type.startsWith('text/') && !isXml(type);

/** A text construct; `raw` gives the element's inner XML as written in the source. */
function atomText(node: unknown, raw: () => string | undefined): AtomText | undefined {
  if (node === undefined) return undefined;
  const type = (attr(node, 'type') ?? 'text').toLowerCase();
  const mode = attr(node, 'mode')?.toLowerCase();
  const written = plain(node) ?? '';
  if (mode === 'base64' || isBinary(type)) {
    const decoded = decodeBase64Text(written);
    if (decoded !== undefined) return { type: isHtml(type) ? 'html' : 'text', value: decoded };
  }
  if (mode === 'escaped') return { type: 'html', value: written };
  if (isXml(type)) return { type: 'xhtml', value: unwrapDiv(raw() ?? '') };
  // Markup left unescaped in a text or html construct: take it as HTML.
  if (hasChildElements(node)) return { type: 'html', value: (raw() ?? '').trim() };
  return { type: isHtml(type) ? 'html' : 'text', value: written };
}

function names(node: XmlNode, element: string): string[] {
  return asArray(node[element] as unknown[]).flatMap((person) => {
    const name = typeof person === 'object' ? plain((person as XmlNode).name) : plain(person);
    return name ?? [];
  });
}

function decodeLinks(entry: XmlNode, base: string | undefined): AtomLink[] {
  return asArray(entry.link as unknown[]).flatMap((link) => {
    const written = attr(link, 'href');
    if (!written) return [];
    const href = resolveReference(written, baseWithin(attr(link, 'xml:base'), base));
    const length = Number.parseInt(attr(link, 'length') ?? '', 10);
    const type = attr(link, 'type');
    return [
      {
        href,
        rel: attr(link, 'rel') ?? 'alternate',
        ...(type && { type }),
        ...(length > 0 && { length }),
      },
    ];
  });
}

const idWithin = (id: string | undefined, base: string | undefined) =>
  id === undefined ? undefined : resolveReference(id, base);

function decodeEntry(entry: XmlNode, raw: RawEntry, feedBase: string | undefined): AtomEntry {
  const base = baseWithin(attr(entry, 'xml:base'), feedBase);
  const decoded: AtomEntry = {
    links: decodeLinks(entry, base),
    authors: names(entry, 'author'),
    categories: asArray(entry.category as unknown[]).map((c) => {
      const category: AtomEntry['categories'][number] = {};
      const term = attr(c, 'term');
      const label = attr(c, 'label');
      const scheme = attr(c, 'scheme');
      if (term) category.term = term;
      if (label) category.label = label;
      if (scheme) category.scheme = scheme;
      return category;
    }),
    media: decodeMediaRss(entry),
  };
  const optional = {
    // An id is an IRI (RFC 4287 4.2.6): a relative one resolves against xml:base.
    id: idWithin(plain(entry.id), base),
    origLink: plain(entry['feedburner:origLink']),
    title: atomText(entry.title, () => raw.child('title')),
    updated: plain(entry.updated ?? entry.modified),
    published: plain(entry.published ?? entry.issued ?? entry.created),
    summary: atomText(entry.summary, () => raw.child('summary')),
    rights: plain(entry.rights),
    language: attr(entry, 'xml:lang'),
  };
  // Read with for...in: Object.entries made an array for every field of every entry.
  for (const key in optional) {
    const value = optional[key as keyof typeof optional];
    if (value) (decoded as unknown as Record<string, unknown>)[key] = value;
  }
  const content = atomText(entry.content, () => raw.child('content'));
  const src = attr(entry.content, 'src');
  if (content) decoded.content = src ? { ...content, src: resolveReference(src, base) } : content;
  return decoded;
}

export function decodeAtom(root: XmlNode, xmlText: string): AtomFeed {
  // Atom elements under a prefix read like those in the default namespace.
  const atomPrefixes = prefixesFor([root], namespaceUris.atom);
  const feed = atomPrefixes.reduce<XmlNode>(
    (node, prefix) => withoutPrefix(node, prefix) as XmlNode,
    root,
  );
  const feedBase = baseWithin(attr(feed, 'xml:base'), undefined);
  // Entries may declare their own prefix for the namespace (<p0:entry xmlns:p0=...>).
  const entryNames = Object.keys(root).filter((key) => {
    const [prefix, local] = key.includes(':') ? key.split(':', 2) : ['', key];
    if (local !== 'entry' || prefix === undefined) return false;
    const declared = asArray(root[key] as unknown[]);
    return (
      prefix === '' ||
      atomPrefixes.includes(prefix) ||
      prefixesFor(declared, namespaceUris.atom).includes(prefix)
    );
  });
  const entries = entryNames.flatMap((name) => {
    const prefix = name.includes(':') ? (name.split(':')[0] ?? '') : '';
    const raws = rawEntries(xmlText, name, prefix);
    return asArray(root[name] as XmlNode[]).map((entry, index) =>
      decodeEntry(withoutPrefix(entry, prefix) as XmlNode, raws(index), feedBase),
    );
  });
  const result: AtomFeed = { authors: names(feed, 'author'), entries };
  const title = plain(feed.title);
  const language = attr(feed, 'xml:lang');
  const rights = plain(feed.rights ?? feed.copyright);
  if (title) result.title = title;
  if (language) result.language = language;
  if (rights) result.rights = rights;
  return result;
}
