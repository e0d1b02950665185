// The ids of a document's items (guid, else link), for the feed's item counts and
// gap detection. A cheap scan, not the parser: one pass over the text keeps the
// outline of the first levels and the text of the few elements ids come from; no
// article is built. The normalizer parses the document; the ingester only counts.
import { documentText } from './document-text.js';
import { atomEntryIds, feedIdNames, rssItemIds } from './feed-item-ids.js';
import { g2ItemIds, newsIdNames, newsMl1ItemIds, nitfItemIds } from './news-item-ids.js';
import {
  localName,
  type OutlineNode,
  outlineOf,
  prefixesBoundTo,
  prefixOf,
} from './xml-outline.js';

interface FormatRule {
  roots: readonly string[];
  /** For the IPTC formats: a prefixed root counts only when bound to one of these. */
  namespaces?: readonly string[];
  ids(root: OutlineNode): string[];
}

// One entry per format, by the root element's local name, as the parser detects them.
const formatTable: FormatRule[] = [
  { roots: ['rss'], ids: (root) => rssItemIds(root, false) },
  { roots: ['RDF'], ids: (root) => rssItemIds(root, true) },
  { roots: ['feed', 'entry'], ids: atomEntryIds },
  {
    roots: ['newsItem', 'newsMessage', 'packageItem'],
    namespaces: ['http://iptc.org/std/nar/2006-10-01/'],
    ids: g2ItemIds,
  },
  { roots: ['nitf'], namespaces: ['http://iptc.org/std/NITF/2006-10-18/'], ids: nitfItemIds },
  {
    roots: ['NewsML'],
    namespaces: ['http://iptc.org/std/NewsML/2003-10-10/'],
    ids: newsMl1ItemIds,
  },
];

const settings = {
  // NewsML 1.2's PublicIdentifier is the deepest: NewsML/NewsItem/Identification/NewsIdentifier/*.
  maxDepth: 4,
  textOf: new Set([...feedIdNames, ...newsIdNames]),
};

function ruleFor(root: OutlineNode): FormatRule | undefined {
  const prefix = prefixOf(root.name);
  return formatTable.find(
    (rule) =>
      rule.roots.includes(localName(root.name)) &&
      (prefix === '' ||
        !rule.namespaces ||
        prefixesBoundTo(root, rule.namespaces).includes(prefix)),
  );
}

/** The ids of a document's items; a document the scan cannot read has none (and never throws). */
export function itemIdsOf(body: Buffer, contentType: string): string[] {
  try {
    if (body.length === 0) return [];
    const root = outlineOf(documentText(body, contentType), settings);
    return root ? (ruleFor(root)?.ids(root) ?? []) : [];
  } catch {
    return [];
  }
}
