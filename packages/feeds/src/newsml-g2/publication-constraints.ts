// NewsML-G2 2.26+ `pubconstraint` (IPTC CR00162): an element marked with it is not
// for publication as it stands, dpa's contact lines on edNotes being the common
// case (`pubconstraint="dpapconstraint:nonpublic"`). Schemes differ by agency and
// wire cannot know every value, so any constrained element is kept out of what
// consumers may show; the constraints are reported so the event can say so. The
// content set is left alone: its inline parts pair with the document text by place.
import type { XmlNode } from '../xml/parse-xml.js';

const keptAsIs = new Set(['contentSet']);

export interface PublicView {
  node: unknown;
  /** The pubconstraint values of the elements left out, without repeats. */
  constraints: string[];
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function withoutConstrained(node: unknown): PublicView {
  const constraints = new Set<string>();
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.flatMap((child) => keep(child));
    if (!isNode(value)) return value;
    const copy: XmlNode = {};
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith('@_') || key === '#text' || keptAsIs.has(key)) {
        copy[key] = child;
        continue;
      }
      const kept = Array.isArray(child) ? walk(child) : keep(child);
      if (Array.isArray(kept) && kept.length === 0) continue;
      copy[key] = Array.isArray(child) || !Array.isArray(kept) ? kept : kept[0];
    }
    return copy;
  };
  const keep = (value: unknown): unknown[] => {
    const constraint = isNode(value) ? value['@_pubconstraint'] : undefined;
    if (typeof constraint === 'string' && constraint.trim() !== '') {
      for (const code of constraint.trim().split(/\s+/)) constraints.add(code);
      return [];
    }
    return [walk(value)];
  };
  const [kept] = keep(node);
  return { node: kept ?? {}, constraints: [...constraints] };
}
