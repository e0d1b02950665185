// NewsML-G2 2.35 "inlineXML" contents as written in the document text, per item:
// the object tree cannot give mixed content back in order. Cut where the XML pass
// found them (the outline), else found by a scan of the text.
import { xmlTokens } from '../xml/raw-xml.js';
import { innerOf, type SourceOutline } from '../xml/source-outline.js';

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

/** The elements read from the text, when the XML pass outlines them. */
export const inlineOutlinedNames = [...itemKinds, 'inlineXML'];

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

/**
 * inlineXmlByItem's answer from the outline: the same walk, each element's end
 * known from its start, so an item or inlineXML is closed once the next element
 * starts after it.
 */
export function inlineXmlFromOutline(outline: SourceOutline): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const seen = new Map<string, number>();
  const items: { name: string; end: number; inline: string[] }[] = [];
  let inlineEnd = -1;
  for (const element of outline.elements) {
    const { name, start } = element;
    while ((items.at(-1)?.end ?? Number.POSITIVE_INFINITY) <= start) items.pop();
    if (itemKinds.includes(name) && !items.some((i) => i.name === name)) {
      const index = seen.get(name) ?? 0;
      seen.set(name, index + 1);
      const list: string[] = [];
      found.set(itemKey(name, index), list);
      items.push({ name, end: element.end, inline: list });
    } else if (name === 'inlineXML' && items.length > 0 && inlineEnd <= start) {
      const inner = innerOf(outline, element);
      for (const open of items) open.inline.push(inner);
      inlineEnd = element.end;
    }
  }
  return found;
}
