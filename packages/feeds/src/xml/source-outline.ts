// Where the elements that carry markup stand in the text the XML pass read, in
// document order: the pass records them as it goes, so a decoder cuts a body
// out of the text instead of scanning the text again for it (raw-xml.ts's scan
// is what these answers equal, held so by outline.test.ts).
import { localName, parseAttributes, type RawElement } from './raw-xml.js';

/** One element, by offsets into the text read. */
export interface OutlinedElement {
  /** The name as written, prefix included. */
  name: string;
  /** The `<` of its start tag. */
  start: number;
  /** Just after its start tag. */
  contentStart: number;
  /** The `<` of its end tag (contentStart when it is self-closing). */
  contentEnd: number;
  /** Just after its end tag. */
  end: number;
  selfClosing: boolean;
}

export interface SourceOutline {
  /** The text the offsets index. */
  text: string;
  /** The elements whose local name was watched, in the order their start tags come. */
  elements: OutlinedElement[];
}

/** A span of the text: a whole document, or an element's content. */
export interface Span {
  contentStart: number;
  contentEnd: number;
}

/**
 * The outermost elements with this local name inside the span, in document order
 * (those of the same name nested in them are inside them): raw-xml.ts's
 * findRawElements over the span's text.
 */
export function outermost(outline: SourceOutline, name: string, within: Span): OutlinedElement[] {
  const found: OutlinedElement[] = [];
  let after = within.contentStart;
  for (const element of outline.elements) {
    if (element.start < after) continue;
    if (element.end > within.contentEnd) {
      if (element.start >= within.contentEnd) break;
      continue;
    }
    if (localName(element.name) !== name) continue;
    found.push(element);
    after = element.end;
  }
  return found;
}

/** The whole text as a span. */
export function wholeText(outline: SourceOutline): Span {
  return { contentStart: 0, contentEnd: outline.text.length };
}

/** An element's content exactly as written. */
export function innerOf(outline: SourceOutline, element: Span): string {
  return outline.text.slice(element.contentStart, element.contentEnd);
}

/** The element as raw-xml.ts gives it: name, attributes read from its start tag, content. */
export function rawElementOf(outline: SourceOutline, element: OutlinedElement): RawElement {
  const tagEnd = element.contentStart - (element.selfClosing ? 2 : 1);
  const written = outline.text.slice(element.start + 1 + element.name.length, tagEnd);
  return {
    name: element.name,
    attributes: parseAttributes(written),
    inner: innerOf(outline, element),
  };
}
