// Atom 1.0 (RFC 4287) and the common parts of Atom 0.3: the XML tree, plus the
// source text for xhtml content, to a typed, Atom-shaped object.

import { asArray, textOf, type XmlNode } from '../xml/parse-xml.js';
import { rawXhtml } from './xhtml.js';

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
  updated?: string;
  published?: string;
  authors: string[];
  summary?: AtomText;
  content?: AtomText & { src?: string };
  categories: { term?: string; label?: string; scheme?: string }[];
  rights?: string;
  language?: string;
}

export interface AtomFeed {
  title?: string;
  language?: string;
  rights?: string;
  authors: string[];
  entries: AtomEntry[];
}

const attr = (node: unknown, name: string): string | undefined =>
  typeof node === 'object' && node !== null
    ? ((node as XmlNode)[`@_${name}`] as string | undefined)
    : undefined;

function atomText(node: unknown, xhtml: () => string | undefined): AtomText | undefined {
  if (node === undefined) return undefined;
  const declared = (attr(node, 'type') ?? 'text').toLowerCase();
  if (declared === 'xhtml') return { type: 'xhtml', value: xhtml() ?? '' };
  const type = declared === 'html' || declared === 'text/html' ? 'html' : 'text';
  return { type, value: textOf(node)?.trim() ?? '' };
}

function names(node: XmlNode, element: string): string[] {
  return asArray(node[element] as unknown[]).flatMap((person) => {
    const name = typeof person === 'object' ? textOf((person as XmlNode).name) : textOf(person);
    return name?.trim() || [];
  });
}

export function decodeAtom(feed: XmlNode, xmlText: string): AtomFeed {
  const xhtml = rawXhtml(xmlText);
  const entries = asArray(feed.entry as XmlNode[]).map((entry, index): AtomEntry => {
    const decoded: AtomEntry = {
      links: asArray(entry.link as unknown[]).flatMap((link) => {
        const href = attr(link, 'href');
        if (!href) return [];
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
      }),
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
    };
    const optional = {
      id: textOf(entry.id)?.trim(),
      title: atomText(entry.title, () => xhtml.title(index)),
      updated: textOf(entry.updated ?? entry.modified)?.trim(),
      published: textOf(entry.published ?? entry.issued ?? entry.created)?.trim(),
      summary: atomText(entry.summary, () => xhtml.summary(index)),
      rights: textOf(entry.rights)?.trim(),
      language: attr(entry, 'xml:lang'),
    };
    for (const [key, value] of Object.entries(optional)) {
      if (value) (decoded as unknown as Record<string, unknown>)[key] = value;
    }
    const content = atomText(entry.content, () => xhtml.content(index));
    const src = attr(entry.content, 'src');
    if (content) decoded.content = src ? { ...content, src } : content;
    return decoded;
  });
  const result: AtomFeed = { authors: names(feed, 'author'), entries };
  const title = textOf(feed.title)?.trim();
  const language = attr(feed, 'xml:lang');
  const rights = textOf(feed.rights ?? feed.copyright)?.trim();
  if (title) result.title = title;
  if (language) result.language = language;
  if (rights) result.rights = rights;
  return result;
}
