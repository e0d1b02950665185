// NewsML-G2 2.35 "inlineXML" contents as written in the document text, per item:
// the object tree cannot give mixed content back in order.
import { xmlTokens } from '../xml/raw-xml.js';

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

/**
 * inlineXML contents per item key, in document order within each item: one pass
 * over the text, every item kind at once (an item inside another counts for both;
 * one inside an item of its own kind, for the outer one only).
 */
export function inlineXmlByItem(source: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const seen = new Map<string, number>();
  const items: { name: string; depth: number; inline: string[] }[] = [];
  let inline: { contentStart: number; depth: number } | undefined;
  let depth = 0;
  for (const token of xmlTokens(source)) {
    if (token.kind === 'open') {
      if (itemKinds.includes(token.name) && !items.some((i) => i.name === token.name)) {
        const index = seen.get(token.name) ?? 0;
        seen.set(token.name, index + 1);
        const list: string[] = [];
        found.set(itemKey(token.name, index), list);
        if (!token.selfClosing) items.push({ name: token.name, depth, inline: list });
      } else if (token.name === 'inlineXML' && items.length > 0 && inline === undefined) {
        if (token.selfClosing) for (const item of items) item.inline.push('');
        else inline = { contentStart: token.end, depth };
      }
      if (!token.selfClosing) depth++;
    } else if (token.kind === 'close') {
      depth--;
      const item = items.at(-1);
      if (inline && depth === inline.depth && token.name === 'inlineXML') {
        const inner = source.slice(inline.contentStart, token.start);
        for (const open of items) open.inline.push(inner);
        inline = undefined;
      } else if (item && depth === item.depth && token.name === item.name) {
        items.pop();
      }
    }
  }
  return found;
}
