// NewsML-G2 2.35 (https://iptc.org/std/NewsML-G2/) "News Item", "Package Item",
// "News Message": the XML tree to typed G2-shaped items, nothing resolved yet.

import type { XmlNode } from '../xml/parse-xml.js';
import type { SourceOutline } from '../xml/source-outline.js';
import { compact } from './compact.js';
import { decodeContentMeta } from './decode-content-meta.js';
import { decodeContentSet } from './decode-content-set.js';
import { decodeGroupSet, decodeReference } from './decode-group-set.js';
import type {
  G2Item,
  G2ItemMeta,
  G2NewsItem,
  G2NewsKind,
  G2OtherItem,
  G2OtherKind,
  G2RightsInfo,
  G2Text,
} from './g2-item.js';
import { attr, child, children, childText, concept, concepts, pickName, text } from './g2-xml.js';
import {
  inlineOutlinedNames,
  inlineXmlByItem,
  inlineXmlFromOutline,
  itemKey,
} from './inline-source.js';
import { withoutConstrained } from './publication-constraints.js';

const newsKinds: readonly string[] = ['newsItem', 'packageItem'] satisfies G2NewsKind[];
const otherKinds: readonly string[] = [
  'conceptItem',
  'knowledgeItem',
  'planningItem',
  'catalogItem',
] satisfies G2OtherKind[];

function decodeItemMeta(node: unknown, lang: string | undefined): G2ItemMeta {
  const embargoed = child(node, 'embargoed');
  return compact<G2ItemMeta>({
    itemClass: concept(child(node, 'itemClass'), lang),
    versionCreated: childText(node, 'versionCreated'),
    firstCreated: childText(node, 'firstCreated'),
    embargoed: embargoed === undefined ? undefined : (text(embargoed) ?? ''),
    pubStatus: concept(child(node, 'pubStatus'), lang),
    signals: concepts(node, 'signal', lang),
    // An edNote may hold XHTML; only plain-text notes are kept.
    edNotes: children(node, 'edNote').flatMap((element) => {
      const value =
        typeof element === 'object' && element !== null && !('#text' in element)
          ? undefined
          : text(element);
      return value === undefined ? [] : [compact<G2Text>({ value, role: attr(element, 'role') })];
    }),
    title: childText(node, 'title'),
    links: children(node, 'link').map((link) => decodeReference(link, lang)),
  });
}

function decodeRightsInfo(nodes: unknown[], lang: string | undefined): G2RightsInfo {
  const holders = nodes.flatMap((node) => children(node, 'copyrightHolder'));
  const notices = nodes.flatMap((node) => children(node, 'copyrightNotice'));
  return compact<G2RightsInfo>({
    copyrightHolder: holders.map((h) => pickName(children(h, 'name'), lang)).find(Boolean),
    copyrightNotice: notices.map(text).find(Boolean),
  });
}

/** Schemes of catalogs written inline in the item (NewsML-G2 spec, "catalog"). */
function decodeCatalogs(node: unknown): Record<string, string> {
  const schemes: Record<string, string> = {};
  for (const scheme of children(node, 'catalog').flatMap((c) => children(c, 'scheme'))) {
    const alias = attr(scheme, 'alias');
    const uri = attr(scheme, 'uri');
    if (alias !== undefined && uri !== undefined) schemes[alias] = uri;
  }
  return schemes;
}

/** Names given by `assert` elements, keyed by the qcode, literal or uri they assert about. */
function decodeAsserts(node: unknown, lang: string | undefined): Record<string, string> {
  const names: Record<string, string> = {};
  for (const assert of children(node, 'assert')) {
    const key = attr(assert, 'qcode') ?? attr(assert, 'literal') ?? attr(assert, 'uri');
    const name = pickName(children(assert, 'name'), lang);
    if (key !== undefined && name !== undefined) names[key] = name;
  }
  return names;
}

function decodeNewsItem(
  kind: G2NewsKind,
  item: unknown,
  rawInline: string[] | undefined,
  mayConstrain: boolean,
): G2NewsItem {
  // Most documents carry no pubconstraint: their tree is read as it is, not copied.
  const { node, constraints } = mayConstrain
    ? withoutConstrained(item)
    : { node: item, constraints: [] };
  const lang = attr(node, 'xml:lang');
  return compact<G2NewsItem>({
    kind,
    publicationConstraints: constraints,
    guid: attr(node, 'guid'),
    version: attr(node, 'version'),
    standard: attr(node, 'standard'),
    standardVersion: attr(node, 'standardversion'),
    lang,
    catalog: decodeCatalogs(node),
    itemMeta: decodeItemMeta(child(node, 'itemMeta'), lang),
    contentMeta: decodeContentMeta(child(node, 'contentMeta'), lang),
    rightsInfo: decodeRightsInfo(children(node, 'rightsInfo'), lang),
    contentSet: decodeContentSet(child(node, 'contentSet'), rawInline),
    itemRefs:
      kind === 'packageItem'
        ? [
            // itemRefs straight under the package are not G2, but seen in the wild.
            ...children(node, 'itemRef').map((ref) => decodeReference(ref, lang)),
            ...children(node, 'groupSet').flatMap((set) => decodeGroupSet(set, lang)),
          ]
        : [],
    assertedNames: decodeAsserts(node, lang),
  });
}

function decodeItem(
  kind: string,
  node: unknown,
  rawInline: string[] | undefined,
  mayConstrain: boolean,
): G2Item[] {
  if (newsKinds.includes(kind))
    return [decodeNewsItem(kind as G2NewsKind, node, rawInline, mayConstrain)];
  if (otherKinds.includes(kind)) {
    return [
      compact<G2OtherItem>({
        kind: kind as G2OtherKind,
        guid: attr(node, 'guid'),
        version: attr(node, 'version'),
      }),
    ];
  }
  return [];
}

/** The elements the decoder cuts from the text, when the XML pass outlines them. */
export const g2OutlinedNames = inlineOutlinedNames;

/**
 * The items of a document whose root is a newsItem, packageItem, other G2 item,
 * or a newsMessage (its itemSet). Other roots give no items.
 * @param source the document text: when given, inline bodies keep their markup
 *   exactly as written (the tree loses the order of mixed content).
 * @param outline where the XML pass found them in that text, to cut them without a scan.
 */
export function decodeNewsMlG2(
  root: string,
  node: XmlNode,
  source?: string,
  outline?: SourceOutline,
): G2Item[] {
  const raw =
    outline !== undefined
      ? inlineXmlFromOutline(outline)
      : source === undefined
        ? undefined
        : inlineXmlByItem(source);
  const mayConstrain = source === undefined || source.includes('pubconstraint');
  if (root !== 'newsMessage')
    return decodeItem(root, node, raw?.get(itemKey(root, 0)), mayConstrain);
  const counts = new Map<string, number>();
  const items: G2Item[] = [];
  for (const itemSet of children(node, 'itemSet')) {
    if (typeof itemSet !== 'object' || itemSet === null) continue;
    for (const [kind, value] of Object.entries(itemSet)) {
      for (const element of [value].flat()) {
        const index = counts.get(kind) ?? 0;
        counts.set(kind, index + 1);
        items.push(...decodeItem(kind, element, raw?.get(itemKey(kind, index)), mayConstrain));
      }
    }
  }
  return items;
}
