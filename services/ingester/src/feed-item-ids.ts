// Item ids of the feeds, from a document's outline: RSS 2.0 and 0.9x items, RSS 1.0
// (RDF) items beside or inside the channel, Atom entries (RFC 4287). An item's id is
// its guid, else its link, read as the normalizer's parser reads them (see
// packages/feeds rss/decode.ts and atom/decode.ts): the same fallbacks in the same
// order, links resolved against xml:base or the channel link.
import { baseWithin, canonicalLink, resolveReference } from '@wire/feeds/links';
import {
  attributeOf,
  localName,
  type OutlineNode,
  prefixesBoundTo,
  prefixOf,
} from './xml-outline.js';

const atomNamespaces = ['http://www.w3.org/2005/Atom', 'http://purl.org/atom/ns#'];

/** Local names whose text an item id may come from. */
export const feedIdNames = ['guid', 'id', 'identifier', 'link', 'origLink'];

// Control characters XML does not allow in text and the parser takes out of it.
const controls = /(?![\t\n\r])\p{Cc}/gu;

const clean = (text: string | undefined): string | undefined => {
  const cleaned = text?.replace(controls, '').trim();
  return cleaned === '' ? undefined : cleaned;
};

/** Text as RSS reads it: naked markup inside gives the text of every part. */
function plainText(node: OutlineNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (!node.hasChildElements) return clean(node.text);
  return clean((node.texts ?? []).filter((part) => part.trim() !== '').join(' '));
}

/** Text as a guid is read: a name, kept as written, markup inside it included. */
const markupOf = (node: OutlineNode | undefined) =>
  node?.hasChildElements ? clean(node.markup) : clean(node?.text);

const childNamed = (node: OutlineNode, name: string) =>
  node.children.find((child) => child.name === name);

const childrenNamed = (node: OutlineNode, name: string) =>
  node.children.filter((child) => child.name === name);

/** The plain text of the first child of that name (an empty first one gives none). */
const textOf = (node: OutlineNode, name: string) => plainText(childNamed(node, name));

// The first <link> with text; an RSS item has one, some feeds repeat it.
const linkText = (node: OutlineNode) =>
  childrenNamed(node, 'link')
    .map(plainText)
    .find((value) => value !== undefined);

interface Bases {
  xml: string | undefined;
  channel: string | undefined;
}

function rssItemId(item: OutlineNode, atomIds: Set<string>, bases: Bases): string | undefined {
  const guid =
    markupOf(childNamed(item, 'guid')) ??
    attributeOf(item, 'rdf:about') ??
    textOf(item, 'id') ??
    plainText(item.children.find((child) => atomIds.has(child.name))) ??
    textOf(item, 'dc:identifier');
  return guid ?? rssItemLink(item, bases);
}

/** The item's link (FeedBurner's origLink first), resolved and made canonical. */
function rssItemLink(item: OutlineNode, bases: Bases): string | undefined {
  const link = textOf(item, 'feedburner:origLink') ?? linkText(item);
  if (link === undefined) return undefined;
  // Relative links resolve against xml:base; without one, only a path resolves
  // against the channel link.
  const itemBase = attributeOf(item, 'xml:base');
  const resolved =
    itemBase !== undefined || bases.xml !== undefined
      ? resolveReference(link, baseWithin(itemBase, bases.xml ?? bases.channel))
      : /^\.{0,2}\//.test(link)
        ? resolveReference(link, bases.channel)
        : link;
  return canonicalLink(resolved);
}

/** An item of a feed with its id and link, as the normalizer's parser reads them. */
export interface FeedItemNode {
  node: OutlineNode;
  id: string | undefined;
  link: string | undefined;
}

/** RSS 2.0 items (inside the first channel); RSS 1.0 items beside it first, then inside. */
export function rssItemsOf(root: OutlineNode, isRdf: boolean): FeedItemNode[] {
  const channel = childNamed(root, 'channel');
  const items = [
    ...(isRdf ? childrenNamed(root, 'item') : []),
    ...(channel ? childrenNamed(channel, 'item') : []),
  ];
  const atomPrefixes = [root, channel].flatMap((node) =>
    prefixesBoundTo(node, atomNamespaces).filter((prefix) => prefix !== ''),
  );
  // Undeclared prefixes are common in the wild; the usual one is read then.
  if (atomPrefixes.length === 0) atomPrefixes.push('atom');
  const xml = baseWithin(
    attributeOf(channel, 'xml:base'),
    baseWithin(attributeOf(root, 'xml:base'), undefined),
  );
  const channelLink = channel && linkText(channel);
  const link = channelLink && resolveReference(channelLink, xml);
  const bases = { xml, channel: baseWithin(link, undefined) };
  const atomIds = new Set(atomPrefixes.map((prefix) => `${prefix}:id`));
  return items.map((node) => ({
    node,
    id: rssItemId(node, atomIds, bases),
    link: rssItemLink(node, bases),
  }));
}

/** The ids of the items, in order; an item with none is left out. */
export function rssItemIds(root: OutlineNode, isRdf: boolean): string[] {
  return rssItemsOf(root, isRdf).flatMap((item) => item.id ?? []);
}

/** The element's own text when it appears once (the parser reads a repeated one as none). */
function onlyText(entry: OutlineNode, name: string): string | undefined {
  const found = entry.children.filter((child) => unprefixed(child.name, entry) === name);
  return found.length === 1 ? clean(found[0]?.text) : undefined;
}

// Inside an entry, its own prefix is read past, as the parser does.
function unprefixed(name: string, entry: OutlineNode): string {
  const prefix = prefixOf(entry.name);
  return prefix !== '' && name.startsWith(`${prefix}:`) ? localName(name) : name;
}

function atomEntryId(entry: OutlineNode, feedBase: string | undefined): string | undefined {
  const base = baseWithin(attributeOf(entry, 'xml:base'), feedBase);
  // An id is an IRI (RFC 4287 4.2.6): a relative one resolves against xml:base.
  const id = onlyText(entry, 'id');
  if (id !== undefined) return resolveReference(id, base);
  return atomEntryLink(entry, feedBase);
}

function atomEntryLink(entry: OutlineNode, feedBase: string | undefined): string | undefined {
  const base = baseWithin(attributeOf(entry, 'xml:base'), feedBase);
  // FeedBurner's redirect hides the publisher's URL, which origLink keeps (as in RSS).
  const origLink = onlyText(entry, 'feedburner:origLink');
  if (origLink !== undefined) return canonicalLink(origLink);
  const links = entry.children.flatMap((link) => {
    const href = unprefixed(link.name, entry) === 'link' ? attributeOf(link, 'href') : undefined;
    if (href === undefined) return [];
    const rel = attributeOf(link, 'rel') ?? 'alternate';
    return [{ rel, href: resolveReference(href, baseWithin(attributeOf(link, 'xml:base'), base)) }];
  });
  const alternate =
    links.find((link) => link.rel === 'alternate') ??
    links.find((link) => link.rel !== 'enclosure');
  return alternate && canonicalLink(alternate.href);
}

/** A feed's entries, or an entry document's one entry; grouped by their name as written. */
export function atomEntriesOf(root: OutlineNode): FeedItemNode[] {
  const entry = (node: OutlineNode, base: string | undefined) => ({
    node,
    id: atomEntryId(node, base),
    link: atomEntryLink(node, base),
  });
  if (localName(root.name) === 'entry') {
    const prefix = prefixOf(root.name);
    const bound = prefix === '' || prefixesBoundTo(root, atomNamespaces).includes(prefix);
    return bound ? [entry(root, undefined)] : [];
  }
  const atomPrefixes = prefixesBoundTo(root, atomNamespaces);
  const feedBase = baseWithin(attributeOf(root, 'xml:base'), undefined);
  const entries = root.children.filter((child) => {
    if (localName(child.name) !== 'entry') return false;
    const prefix = prefixOf(child.name);
    return (
      prefix === '' ||
      atomPrefixes.includes(prefix) ||
      prefixesBoundTo(child, atomNamespaces).includes(prefix)
    );
  });
  const names = [...new Set(entries.map((node) => node.name))];
  return names.flatMap((name) =>
    entries.filter((node) => node.name === name).map((node) => entry(node, feedBase)),
  );
}

/** The ids of the entries; an entry with none is left out. */
export function atomEntryIds(root: OutlineNode): string[] {
  return atomEntriesOf(root).flatMap((entry) => entry.id ?? []);
}
