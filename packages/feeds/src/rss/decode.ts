// RSS 2.0 (https://www.rssboard.org/rss-specification), 0.9x and, through
// rdf/decode.ts, RSS 1.0: the XML tree to a typed, RSS-shaped object. Namespaces
// read here: dc (title, creator, date, subject, description, language, rights),
// content:encoded, media (media/media-rss.ts), feedburner:origLink, Atom elements
// inside items (author, published, updated, content, category; any prefix bound to
// the Atom namespace) and, as fallbacks, iTunes author, summary and image.
// Relative links are resolved against xml:base, else against the channel link.
import { decodeGeoPoint, type GeoPoint } from '../geo/geo-point.js';
import { decodeMediaRss, type MediaReference } from '../media/media-rss.js';
import { childrenNamed, namespaceUris, namesUnder, prefixesFor } from '../xml/namespaces.js';
import { asArray, type XmlNode } from '../xml/parse-xml.js';
import { baseWithin, resolveReference } from '../xml/xml-base.js';
import { attributeKey } from '../xml/xml-tree.js';
import { markupOf, plainTextOf } from './element-text.js';

export type RssMedia = MediaReference;

export interface RssItem {
  title?: string;
  link?: string;
  guid?: string;
  guidIsPermaLink: boolean;
  description?: string;
  contentEncoded?: string;
  pubDate?: string;
  creator?: string;
  categories: string[];
  /** Keywords (itunes:keywords, media:keywords), comma-separated in the source. */
  keywords: string[];
  rights?: string;
  language?: string;
  media: RssMedia[];
  point?: GeoPoint;
}

export interface RssChannel {
  title?: string;
  link?: string;
  language?: string;
  copyright?: string;
  ttlMinutes?: number;
  items: RssItem[];
}

/**
 * The qualified names of the namespaced elements read inside items, by local name,
 * under the prefixes the root's and channel's declarations bind.
 */
interface Prefixes {
  atom: (localName: string) => string[];
  itunes: (localName: string) => string[];
  dcterms: (localName: string) => string[];
}

/** The plain text of the first child element of that name. */
export function text(node: XmlNode, name: string): string | undefined {
  return plainTextOf(asArray(node[name] as unknown)[0]);
}

/** The text of the first child element of that name, markup kept. */
const markup = (node: XmlNode, name: string): string | undefined =>
  markupOf(asArray(node[name] as unknown)[0]);

const attribute = (node: unknown, name: string): string | undefined => {
  const value =
    typeof node === 'object' && node !== null ? (node as XmlNode)[attributeKey(name)] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

const integer = (value: string | undefined): number | undefined => {
  const n = value === undefined ? Number.NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
};

/** Where relative links of items resolve: xml:base in scope, else the channel link. */
interface Bases {
  xml?: string | undefined;
  channel?: string | undefined;
}

// Relative links resolve against xml:base. Without one, only a path (/news/1,
// ./news/1) resolves against the channel link: other text is left as written.
function resolveItemLink(link: string, item: XmlNode, bases: Bases): string {
  const itemBase = attribute(item, 'xml:base');
  if (itemBase !== undefined || bases.xml !== undefined)
    return resolveReference(link, baseWithin(itemBase, bases.xml ?? bases.channel));
  return /^\.{0,2}\//.test(link) ? resolveReference(link, bases.channel) : link;
}

/**
 * The fields that have a value, set on the target in the order written. Read with
 * for...in: Object.entries made an array for every field of every item.
 */
function setDefined<T extends object>(
  target: T,
  fields: { [K in keyof T]?: T[K] | undefined },
): void {
  for (const key in fields) {
    const value = fields[key];
    if (value !== undefined) target[key] = value as T[typeof key];
  }
}

function decodeEnclosures(node: XmlNode): RssMedia[] {
  return asArray(node.enclosure as unknown[]).flatMap((enclosure) => {
    const url = attribute(enclosure, 'url');
    const type = attribute(enclosure, 'type');
    return url ? [{ url, isThumbnail: false, ...(type && { type }) }] : [];
  });
}

// The first <link> with text; an RSS item has one, some feeds repeat it.
const linkText = (node: XmlNode): string | undefined =>
  asArray(node.link as unknown[])
    .map(plainTextOf)
    .find((value) => value !== undefined);

function atomFallbacks(node: XmlNode, prefixes: Prefixes) {
  const atom = (name: string) => childrenNamed(node, prefixes.atom(name));
  const author = atom('author')[0];
  return {
    creator:
      typeof author === 'object' && author !== null
        ? prefixes
            .atom('name')
            .map((name) => plainTextOf(asArray((author as XmlNode)[name])[0]))
            .find(Boolean)
        : undefined,
    date: plainTextOf(atom('published')[0]) ?? plainTextOf(atom('updated')[0]),
    id: plainTextOf(atom('id')[0]),
    content: markupOf(atom('content')[0]),
    categories: atom('category').flatMap((c) => attribute(c, 'term') ?? []),
  };
}

function itunesFallbacks(node: XmlNode, prefixes: Prefixes) {
  const itunes = (name: string) => childrenNamed(node, prefixes.itunes(name))[0];
  const image = attribute(itunes('image'), 'href');
  return {
    author: plainTextOf(itunes('author')),
    keywords: (plainTextOf(itunes('keywords')) ?? '')
      .split(',')
      .map((keyword) => keyword.trim())
      .filter(Boolean),
    summary: markupOf(itunes('summary')),
    image: image ? [{ url: image, isThumbnail: true }] : [],
  };
}

function decodeItem(node: XmlNode, prefixes: Prefixes, bases: Bases): RssItem {
  const guidNode = asArray(node.guid as unknown)[0];
  const atom = atomFallbacks(node, prefixes);
  const itunes = itunesFallbacks(node, prefixes);
  const item: RssItem = {
    guidIsPermaLink: attribute(guidNode, 'isPermaLink')?.toLowerCase() !== 'false',
    categories: [
      ...asArray(node.category as unknown[]),
      ...asArray(node['dc:subject'] as unknown[]),
    ]
      .flatMap((c) => plainTextOf(c) ?? [])
      .concat(atom.categories),
    keywords: itunes.keywords,
    media: [...decodeMediaRss(node), ...decodeEnclosures(node), ...itunes.image],
  };
  const point = decodeGeoPoint(node);
  if (point) item.point = point;
  const link = text(node, 'feedburner:origLink') ?? linkText(node);
  const dcterms = (name: string) =>
    childrenNamed(node, prefixes.dcterms(name)).map(plainTextOf).find(Boolean);
  const fields = {
    title: markup(node, 'title') ?? markup(node, 'dc:title'),
    link: link && resolveItemLink(link, node, bases),
    // Some agency systems write the item's id in an <id> element (or Atom's, or
    // Dublin Core's identifier) instead of a guid.
    // A guid is a name: kept as written, markup inside it included.
    guid:
      markupOf(guidNode) ??
      attribute(node, 'rdf:about') ??
      text(node, 'id') ??
      atom.id ??
      text(node, 'dc:identifier'),
    description: markup(node, 'description') ?? markup(node, 'dc:description') ?? itunes.summary,
    contentEncoded: markup(node, 'content:encoded') ?? atom.content,
    // The version's own time first: a modified date beats the publication date.
    pubDate:
      dcterms('modified') ??
      text(node, 'pubDate') ??
      text(node, 'dc:date') ??
      dcterms('created') ??
      dcterms('issued') ??
      atom.date,
    // dc:author is no Dublin Core element, and feeds write it all the same.
    creator:
      text(node, 'dc:creator') ??
      text(node, 'author') ??
      text(node, 'dc:author') ??
      atom.creator ??
      itunes.author,
    rights: text(node, 'dc:rights'),
    language: text(node, 'dc:language'),
  };
  setDefined(item, fields);
  return item;
}

export function decodeRss(rss: XmlNode): RssChannel {
  const channel = (asArray(rss.channel as XmlNode[])[0] ?? {}) as XmlNode;
  return decodeChannel(channel, asArray(channel.item as XmlNode[]), rss);
}

/**
 * A channel and its items; `root` is the document element (rss or rdf:RDF), whose
 * namespace declarations and xml:base apply to the items.
 */
export function decodeChannel(channel: XmlNode, items: XmlNode[], root: XmlNode = {}): RssChannel {
  const scopes = [root, channel];
  // Undeclared prefixes are common in the wild; read the usual ones then.
  const bound = (uris: readonly string[], usual: string) => {
    const declared = prefixesFor(scopes, uris).filter((p) => p !== '');
    return namesUnder(declared.length > 0 ? declared : [usual]);
  };
  const prefixes: Prefixes = {
    atom: bound(namespaceUris.atom, 'atom'),
    itunes: bound(namespaceUris.itunes, 'itunes'),
    dcterms: bound(namespaceUris.dcterms, 'dcterms'),
  };
  const xmlBase = baseWithin(
    attribute(channel, 'xml:base'),
    baseWithin(attribute(root, 'xml:base'), undefined),
  );
  const channelLink = linkText(channel);
  const link = channelLink && resolveReference(channelLink, xmlBase);
  const bases: Bases = { xml: xmlBase, channel: baseWithin(link, undefined) };
  const decoded: RssChannel = { items: items.map((item) => decodeItem(item, prefixes, bases)) };
  const fields = {
    title: text(channel, 'title'),
    link,
    language: text(channel, 'language') ?? text(channel, 'dc:language'),
    copyright: text(channel, 'copyright') ?? text(channel, 'dc:rights'),
  };
  setDefined(decoded, fields);
  const ttl = integer(text(channel, 'ttl'));
  if (ttl !== undefined && ttl > 0) decoded.ttlMinutes = ttl;
  return decoded;
}
