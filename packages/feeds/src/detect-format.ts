// Format detection: one explicit table from the root element to a format. Feed
// roots are matched on their local name, so a prefixed <atom:feed> is Atom too.
import type { XmlNode } from './xml/parse-xml.js';

export type DocumentFormat = 'rss2' | 'rdf' | 'atom' | 'newsml-g2' | 'nitf' | 'newsml-1';

interface FormatRule {
  format: DocumentFormat;
  matches(root: string, node: XmlNode): boolean;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

const formatTable: FormatRule[] = [
  { format: 'rss2', matches: (root) => localName(root) === 'rss' },
  { format: 'rdf', matches: (root) => localName(root) === 'RDF' },
  // An Atom entry document (RFC 4287 section 4.1.2) is a feed of one entry.
  { format: 'atom', matches: (root) => ['feed', 'entry'].includes(localName(root)) },
  {
    format: 'newsml-g2',
    matches: (root) => ['newsItem', 'newsMessage', 'packageItem'].includes(root),
  },
  { format: 'nitf', matches: (root) => root === 'nitf' },
  { format: 'newsml-1', matches: (root) => root === 'NewsML' },
];

export function detectFormat(
  document: XmlNode,
): { format: DocumentFormat; root: string } | undefined {
  for (const root of Object.keys(document)) {
    if (root.startsWith('?')) continue;
    const node = document[root] as XmlNode;
    const rule = formatTable.find((candidate) => candidate.matches(root, node));
    if (rule) return { format: rule.format, root };
  }
  return undefined;
}
