// RSS 2.0 (https://www.rssboard.org/rss-specification), 0.9x and, through
// rdf/decode.ts, RSS 1.0: the XML tree to a typed, RSS-shaped object. Namespaces
// read here: dc (title, creator, date, subject, language, rights), content:encoded,
// media (content, group, thumbnail, description, credit; https://www.rssboard.org/media-rss),
// feedburner:origLink and atom:link.
import { asArray, textOf, type XmlNode } from '../xml/parse-xml.js';

export interface RssMedia {
  url: string;
  type?: string;
  medium?: string;
  width?: number;
  height?: number;
  description?: string;
  credit?: string;
  isThumbnail: boolean;
}

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
  rights?: string;
  language?: string;
  media: RssMedia[];
}

export interface RssChannel {
  title?: string;
  link?: string;
  language?: string;
  copyright?: string;
  ttlMinutes?: number;
  items: RssItem[];
}

export function text(node: XmlNode, name: string): string | undefined {
  const value = textOf(asArray(node[name] as unknown)[0])?.trim();
  return value === undefined || value === '' ? undefined : value;
}

const attribute = (node: unknown, name: string): string | undefined =>
  typeof node === 'object' && node !== null
    ? ((node as XmlNode)[`@_${name}`] as string | undefined)
    : undefined;

const integer = (value: string | undefined): number | undefined => {
  const n = value === undefined ? Number.NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
};

function decodeMedia(node: XmlNode): RssMedia[] {
  const found: RssMedia[] = [];
  const add = (element: unknown, isThumbnail: boolean, parent?: XmlNode) => {
    const url = attribute(element, 'url');
    if (!url) return;
    const media: RssMedia = { url, isThumbnail };
    const fields = {
      type: attribute(element, 'type'),
      medium: attribute(element, 'medium'),
      width: integer(attribute(element, 'width')),
      height: integer(attribute(element, 'height')),
      description:
        (typeof element === 'object' ? text(element as XmlNode, 'media:description') : undefined) ??
        (parent ? text(parent, 'media:description') : undefined),
      credit: typeof element === 'object' ? text(element as XmlNode, 'media:credit') : undefined,
    };
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) (media as unknown as Record<string, unknown>)[key] = value;
    }
    found.push(media);
  };
  const scopes: XmlNode[] = [node, ...asArray(node['media:group'] as XmlNode[])];
  for (const scope of scopes) {
    for (const content of asArray(scope['media:content'] as unknown[])) add(content, false, scope);
    for (const thumbnail of asArray(scope['media:thumbnail'] as unknown[]))
      add(thumbnail, true, scope);
  }
  for (const enclosure of asArray(node.enclosure as unknown[])) {
    const url = attribute(enclosure, 'url');
    const type = attribute(enclosure, 'type');
    if (url) found.push({ url, isThumbnail: false, ...(type && { type }) });
  }
  return found;
}

function decodeItem(node: XmlNode): RssItem {
  const guidNode = asArray(node.guid as unknown)[0];
  const item: RssItem = {
    guidIsPermaLink: attribute(guidNode, 'isPermaLink') !== 'false',
    categories: [
      ...asArray(node.category as unknown[]),
      ...asArray(node['dc:subject'] as unknown[]),
    ].flatMap((c) => textOf(c)?.trim() || []),
    media: decodeMedia(node),
  };
  const fields = {
    title: text(node, 'title') ?? text(node, 'dc:title'),
    link: text(node, 'feedburner:origLink') ?? text(node, 'link'),
    guid: textOf(guidNode)?.trim() || attribute(node, 'rdf:about'),
    description: text(node, 'description'),
    contentEncoded: text(node, 'content:encoded'),
    pubDate: text(node, 'pubDate') ?? text(node, 'dc:date'),
    creator: text(node, 'dc:creator') ?? text(node, 'author'),
    rights: text(node, 'dc:rights'),
    language: text(node, 'dc:language'),
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) (item as unknown as Record<string, string>)[key] = value;
  }
  return item;
}

export function decodeRssItems(items: XmlNode[]): RssItem[] {
  return items.map(decodeItem);
}

export function decodeRss(rss: XmlNode): RssChannel {
  const channel = (asArray(rss.channel as XmlNode[])[0] ?? {}) as XmlNode;
  return decodeChannel(channel, asArray(channel.item as XmlNode[]));
}

export function decodeChannel(channel: XmlNode, items: XmlNode[]): RssChannel {
  const decoded: RssChannel = { items: decodeRssItems(items) };
  const fields = {
    title: text(channel, 'title'),
    link: text(channel, 'link'),
    language: text(channel, 'language') ?? text(channel, 'dc:language'),
    copyright: text(channel, 'copyright') ?? text(channel, 'dc:rights'),
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) (decoded as unknown as Record<string, string>)[key] = value;
  }
  const ttl = integer(text(channel, 'ttl'));
  if (ttl !== undefined && ttl > 0) decoded.ttlMinutes = ttl;
  return decoded;
}
