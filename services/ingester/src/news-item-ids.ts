// Item ids of the IPTC formats, from a document's outline, read as the normalizer's
// parser reads them (packages/feeds newsml-g2, nitf, newsml-1): a NewsML-G2 news or
// package item's guid attribute (NewsML-G2 2.35, "Item identification"); a NITF
// document's head/docdata/doc-id@id-string; a NewsML 1.2 NewsItem's PublicIdentifier
// without its revision, else its NewsIdentifier's parts. Elements are read by local
// name: these formats come unprefixed, in a default namespace, or under a prefix.
import { attributeOf, localName, type OutlineNode } from './xml-outline.js';

/** Local names whose text an item id may come from. */
export const newsIdNames = ['PublicIdentifier', 'ProviderId', 'DateId', 'NewsItemId'];

const newsKinds = new Set(['newsItem', 'packageItem']);

const childOf = (node: OutlineNode | undefined, name: string) =>
  node?.children.find((child) => localName(child.name) === name);

/** NewsML-G2: the root item's guid, or each news item's in a message's itemSets. */
export function g2ItemIds(root: OutlineNode): string[] {
  const kind = localName(root.name);
  if (newsKinds.has(kind)) return [attributeOf(root, 'guid') ?? []].flat();
  if (kind !== 'newsMessage') return [];
  return root.children
    .filter((set) => localName(set.name) === 'itemSet')
    .flatMap((set) => {
      // The parser takes an itemSet's items kind by kind, in the order the kinds appear.
      const items = set.children.filter((item) => newsKinds.has(localName(item.name)));
      const kinds = [...new Set(items.map((item) => item.name))];
      return kinds.flatMap((name) =>
        items
          .filter((item) => item.name === name)
          .flatMap((item) => attributeOf(item, 'guid') ?? []),
      );
    });
}

/** NITF: one article, its doc-id. */
export function nitfItemIds(root: OutlineNode): string[] {
  const docId = attributeOf(
    childOf(childOf(childOf(root, 'head'), 'docdata'), 'doc-id'),
    'id-string',
  );
  return docId === undefined ? [] : [docId];
}

/** All text under an element with whitespace collapsed, as NewsML 1 metadata is read. */
function textIn(node: OutlineNode | undefined): string | undefined {
  const text = (node?.texts ?? []).join(' ').replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

/** NewsML 1.2: a guid per NewsItem (urn:newsml:Provider:DateId:NewsItemId). */
export function newsMl1ItemIds(root: OutlineNode): string[] {
  return root.children
    .filter((item) => localName(item.name) === 'NewsItem')
    .flatMap((item) => {
      const identifier = childOf(childOf(item, 'Identification'), 'NewsIdentifier');
      const publicIdentifier = textIn(childOf(identifier, 'PublicIdentifier'));
      // The guid names every revision: the RevisionId (and its A|U) comes off.
      if (publicIdentifier) return [publicIdentifier.replace(/^(urn:newsml:.+):\d+[AUN]?$/i, '$1')];
      const [provider, date, id] = ['ProviderId', 'DateId', 'NewsItemId'].map((name) =>
        textIn(childOf(identifier, name)),
      );
      return provider && date && id ? [`urn:newsml:${provider}:${date}:${id}`] : [];
    });
}
