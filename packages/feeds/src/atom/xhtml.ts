// Atom's type="xhtml" text constructs hold a single xhtml div whose markup must be
// kept as written; the object tree cannot give it back in order.
import { innerXmlOfAll } from '../xml/raw-elements.js';

export interface RawXhtml {
  title(entryIndex: number): string | undefined;
  summary(entryIndex: number): string | undefined;
  content(entryIndex: number): string | undefined;
}

function unwrapDiv(inner: string): string {
  const match = /^\s*<(?:\w+:)?div\b[^>]*>([\s\S]*)<\/(?:\w+:)?div>\s*$/.exec(inner);
  return (match?.[1] ?? inner).trim();
}

export function rawXhtml(xmlText: string): RawXhtml {
  const entries = innerXmlOfAll(xmlText, 'entry');
  const pick = (element: string) => (index: number) => {
    const entry = entries[index];
    const inner = entry === undefined ? undefined : innerXmlOfAll(entry, element)[0];
    return inner === undefined ? undefined : unwrapDiv(inner);
  };
  return { title: pick('title'), summary: pick('summary'), content: pick('content') };
}
