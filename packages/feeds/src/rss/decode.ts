// RSS 2.0 (https://www.rssboard.org/rss-specification) and 0.9x: the XML tree to a
// typed, RSS-shaped object. Namespaced elements read here: dc:creator,
// dc:date, dc:language, content:encoded.
import { asArray, textOf, type XmlNode } from '../xml/parse-xml.js';

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
}

export interface RssChannel {
  title?: string;
  link?: string;
  language?: string;
  items: RssItem[];
}

function text(node: XmlNode, name: string): string | undefined {
  const value = textOf(asArray(node[name] as unknown)[0]);
  return value === undefined || value === '' ? undefined : value;
}

function decodeItem(node: XmlNode): RssItem {
  const guidNode = node.guid as XmlNode | string | undefined;
  const isPermaLink = typeof guidNode === 'object' ? guidNode['@_isPermaLink'] : undefined;
  const item: RssItem = {
    guidIsPermaLink: isPermaLink !== 'false',
    categories: asArray(node.category as unknown[]).flatMap((c) => textOf(c) ?? []),
  };
  const fields = {
    title: text(node, 'title'),
    link: text(node, 'link'),
    guid: textOf(guidNode),
    description: text(node, 'description'),
    contentEncoded: text(node, 'content:encoded'),
    pubDate: text(node, 'pubDate') ?? text(node, 'dc:date'),
    creator: text(node, 'dc:creator') ?? text(node, 'author'),
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) (item as unknown as Record<string, string>)[key] = value;
  }
  return item;
}

export function decodeRss(rss: XmlNode): RssChannel {
  const channel = (asArray(rss.channel as XmlNode[])[0] ?? {}) as XmlNode;
  const decoded: RssChannel = { items: asArray(channel.item as XmlNode[]).map(decodeItem) };
  const title = text(channel, 'title');
  const link = text(channel, 'link');
  const language = text(channel, 'language') ?? text(channel, 'dc:language');
  if (title) decoded.title = title;
  if (link) decoded.link = link;
  if (language) decoded.language = language;
  return decoded;
}
