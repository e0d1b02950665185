// A part of a document's text whose elements a decoder finds by local name: where
// the XML pass outlined them (source-outline.ts), or else by a scan of the part.
import { findRawElement, findRawElements } from './raw-xml.js';
import { innerOf, outermost, type SourceOutline, type Span } from './source-outline.js';

export interface XmlFragment {
  /** The content exactly as written. */
  readonly inner: string;
  /** The first element with this local name inside, at any depth. */
  first(name: string): XmlFragment | undefined;
  /** The outermost elements with this local name inside, in document order. */
  all(name: string): XmlFragment[];
}

/** A fragment whose elements are found by scanning its text. */
export function scannedFragment(inner: string): XmlFragment {
  return {
    inner,
    first: (name) => {
      const found = findRawElement(inner, name);
      return found === undefined ? undefined : scannedFragment(found.inner);
    },
    all: (name) => findRawElements(inner, name).map((found) => scannedFragment(found.inner)),
  };
}

/** A fragment whose elements the XML pass outlined: nothing is scanned. */
export function outlinedFragment(outline: SourceOutline, span: Span): XmlFragment {
  return {
    get inner() {
      return innerOf(outline, span);
    },
    first: (name) => {
      const found = outermost(outline, name, span)[0];
      return found === undefined ? undefined : outlinedFragment(outline, found);
    },
    all: (name) => outermost(outline, name, span).map((found) => outlinedFragment(outline, found)),
  };
}
