// Format detection: one explicit table from the root element to a format.
import type { XmlNode } from './xml/parse-xml.js';

export type DocumentFormat = 'rss2' | 'rdf' | 'atom' | 'newsml-g2' | 'nitf' | 'newsml-1';

interface FormatRule {
  format: DocumentFormat;
  matches(root: string, node: XmlNode): boolean;
}

const formatTable: FormatRule[] = [
  { format: 'rss2', matches: (root) => root === 'rss' },
  { format: 'rdf', matches: (root) => root === 'rdf:RDF' },
  { format: 'atom', matches: (root) => root === 'feed' },
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
