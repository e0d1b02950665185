// The items of an RSS or Atom document whose article pages may complete them
// (issue 16), from the same one-pass outline the id scan reads: each item's id,
// link, the text of its body (to tell a lead), and the item alone as a one-item
// document, its element as written inside the root's (and channel's) start tag,
// so the normalizer can build the article from the page record without state.
// The ingester does not parse the document (issue 18).
import { decode } from 'html-entities';
import { documentText } from './document-text.js';
import { atomEntriesOf, type FeedItemNode, feedIdNames, rssItemsOf } from './feed-item-ids.js';
import { escapeHtml } from './html-escape.js';
import { localName, type OutlineNode, outlineOf } from './xml-outline.js';

export interface FeedItem {
  /** The item's id as the normalizer reads it: guid, else link. */
  id: string;
  /** The canonical link of its article page. */
  link: string;
  /** The plain text of its body (content:encoded, else description; Atom content, else summary). */
  leadText: string;
  /** The item as a one-item feed document, UTF-8, for the page record's header. */
  document: string;
}

const bodyNames = ['encoded', 'description', 'content', 'summary'];

const settings = {
  maxDepth: 4,
  textOf: new Set([...feedIdNames, ...bodyNames]),
  spanOf: new Set(['item', 'entry']),
};

/** The body's HTML as text, roughly (tags out, entities decoded): enough to measure a lead. */
const withoutTags = (markup: string) => decode(markup.replace(/<[^>]*>/g, ' '));

function leadTextOf(node: OutlineNode): string {
  const body = bodyNames
    .map((name) => node.children.find((child) => localName(child.name) === name))
    .find((child) => child?.texts?.some((text) => text.trim() !== ''));
  return withoutTags((body?.texts ?? []).join(' '))
    .replace(/\s+/g, ' ')
    .trim();
}

const startTag = (node: OutlineNode) => `<${node.name}${node.attributes}>`;

/** The item inside what it needs of the document around it: namespaces, bases, the channel link. */
function oneItemDocument(text: string, root: OutlineNode, item: OutlineNode): string | undefined {
  if (!item.span) return undefined;
  const element = text.slice(item.span.start, item.span.end);
  const declaration = '<?xml version="1.0" encoding="utf-8"?>\n';
  if (item === root) return declaration + element;
  const channel = root.children.find((child) => localName(child.name) === 'channel');
  const inChannel = channel?.children.includes(item) ?? false;
  if (!channel || !inChannel) return `${declaration}${startTag(root)}${element}</${root.name}>`;
  const link = channel.children.find((child) => child.name === 'link')?.text?.trim();
  const channelLink = link ? `<link>${escapeHtml(link)}</link>` : '';
  return `${declaration}${startTag(root)}${startTag(channel)}${channelLink}${element}</${channel.name}></${root.name}>`;
}

/** The RSS and Atom items that have an id and a link; none for another format or unreadable bytes. */
export function feedItemsOf(body: Buffer, contentType: string): FeedItem[] {
  try {
    if (body.length === 0) return [];
    const text = documentText(body, contentType);
    const root = outlineOf(text, settings);
    if (!root) return [];
    const rootName = localName(root.name);
    const nodes: FeedItemNode[] =
      rootName === 'rss' || rootName === 'RDF'
        ? rssItemsOf(root, rootName === 'RDF')
        : rootName === 'feed' || rootName === 'entry'
          ? atomEntriesOf(root)
          : [];
    return nodes.flatMap(({ node, id, link }) => {
      const document = oneItemDocument(text, root, node);
      if (id === undefined || link === undefined || document === undefined) return [];
      return [{ id, link, leadText: leadTextOf(node), document }];
    });
  } catch {
    return [];
  }
}
