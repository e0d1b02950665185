// NewsML-G2 2.35 "inlineXML" contents as written in the document text, per item:
// the object tree cannot give mixed content back in order.
import { findRawElements } from '../xml/raw-xml.js';

/** Key of the n-th (from 0) item of a kind in document order, e.g. `newsItem#1`. */
export function itemKey(kind: string, index: number): string {
  return `${kind}#${index}`;
}

const itemKinds = [
  'newsItem',
  'packageItem',
  'conceptItem',
  'knowledgeItem',
  'planningItem',
  'catalogItem',
];

/** inlineXML contents per item key, in document order within each item. */
export function inlineXmlByItem(source: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const kind of itemKinds) {
    findRawElements(source, kind, { qualified: true }).forEach((item, index) => {
      const inline = findRawElements(item.inner, 'inlineXML', { qualified: true });
      found.set(
        itemKey(kind, index),
        inline.map((element) => element.inner),
      );
    });
  }
  return found;
}
