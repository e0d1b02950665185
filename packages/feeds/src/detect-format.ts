// Format detection: one explicit table from the root element to a format. Feed
// roots are matched on their local name, so a prefixed <atom:feed> is Atom too.
// IPTC roots are matched on their local name when unprefixed, and by namespace
// URI when prefixed (<ns0:newsMessage xmlns:ns0="http://iptc.org/std/nar/...">,
// as some agencies' systems write them): the prefix itself means nothing.
import { namespaceUris, prefixesFor } from './xml/namespaces.js';
import type { XmlNode } from './xml/parse-xml.js';

export type DocumentFormat = 'rss2' | 'rdf' | 'atom' | 'newsml-g2' | 'nitf' | 'newsml-1';

interface FormatRule {
  format: DocumentFormat;
  roots: readonly string[];
  /** For formats read by namespace: the URIs a prefixed root must be bound to. */
  namespaces?: readonly string[];
}

const formatTable: FormatRule[] = [
  { format: 'rss2', roots: ['rss'] },
  { format: 'rdf', roots: ['RDF'] },
  // An Atom entry document (RFC 4287 section 4.1.2) is a feed of one entry.
  { format: 'atom', roots: ['feed', 'entry'] },
  {
    format: 'newsml-g2',
    roots: ['newsItem', 'newsMessage', 'packageItem'],
    namespaces: namespaceUris.newsMlG2,
  },
  { format: 'nitf', roots: ['nitf'], namespaces: namespaceUris.nitf },
  { format: 'newsml-1', roots: ['NewsML'], namespaces: namespaceUris.newsMl1 },
];

export interface DetectedFormat {
  format: DocumentFormat;
  /** The root element's name as written. */
  root: string;
  /** The prefix an IPTC document's elements carry ('' for none), to be read past. */
  prefix: string;
}

function splitName(name: string): { prefix: string; local: string } {
  const colon = name.indexOf(':');
  return colon < 0
    ? { prefix: '', local: name }
    : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
}

function matches(rule: FormatRule, root: string, node: XmlNode): boolean {
  const { prefix, local } = splitName(root);
  if (!rule.roots.includes(local)) return false;
  if (!rule.namespaces || prefix === '') return true;
  return prefixesFor([node], rule.namespaces).includes(prefix);
}

export function detectFormat(document: XmlNode): DetectedFormat | undefined {
  for (const root of Object.keys(document)) {
    if (root.startsWith('?')) continue;
    const node = document[root] as XmlNode;
    const rule = formatTable.find((candidate) => matches(candidate, root, node));
    if (rule) {
      const prefix = rule.namespaces ? splitName(root).prefix : '';
      return { format: rule.format, root, prefix };
    }
  }
  return undefined;
}
