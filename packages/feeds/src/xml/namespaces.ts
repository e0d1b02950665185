// The object tree keeps qualified names as written ("atom:link", "p0:entry"); these
// helpers find which prefixes the document bound to a namespace, and read elements
// of that namespace whatever prefix they carry.
import type { XmlNode } from './parse-xml.js';

export const namespaceUris = {
  atom: ['http://www.w3.org/2005/Atom', 'http://purl.org/atom/ns#'],
  itunes: ['http://www.itunes.com/dtds/podcast-1.0.dtd'],
  dcterms: ['http://purl.org/dc/terms/'],
  newsMlG2: ['http://iptc.org/std/nar/2006-10-01/'],
  nitf: ['http://iptc.org/std/NITF/2006-10-18/'],
  // NewsML 1.2 has no namespace of its own; its schema edition declares this one.
  newsMl1: ['http://iptc.org/std/NewsML/2003-10-10/'],
} as const;

const sameUri = (a: string, b: string) => a.trim().toLowerCase() === b.toLowerCase();

/**
 * Prefixes that xmlns declarations on the given elements bind to one of the URIs;
 * '' stands for the default namespace. Later elements may add prefixes.
 */
export function prefixesFor(elements: unknown[], uris: readonly string[]): string[] {
  const found = new Set<string>();
  for (const element of elements) {
    if (typeof element !== 'object' || element === null) continue;
    for (const key in element as XmlNode) {
      // Declarations first: an element's text children (a channel's description) are
      // no URI, and copying them to compare was most of the time here.
      const prefix =
        key === '@_xmlns'
          ? ''
          : key.startsWith('@_xmlns:')
            ? key.slice('@_xmlns:'.length)
            : undefined;
      if (prefix === undefined) continue;
      const value = (element as XmlNode)[key];
      if (typeof value === 'string' && uris.some((uri) => sameUri(value, uri))) found.add(prefix);
    }
  }
  return [...found];
}

/** The qualified name of a local name under a prefix ('' for none). */
export const qualified = (prefix: string, localName: string): string =>
  prefix === '' ? localName : `${prefix}:${localName}`;

/**
 * The qualified names of a local name under each of the prefixes, in prefix order,
 * each built once: a name built afresh for every lookup is a new string the
 * object's keys are searched for, item after item.
 */
export function namesUnder(prefixes: readonly string[]): (localName: string) => string[] {
  const names = new Map<string, string[]>();
  return (localName) => {
    let known = names.get(localName);
    if (known === undefined) {
      known = prefixes.map((prefix) => qualified(prefix, localName));
      names.set(localName, known);
    }
    return known;
  };
}

/** The values of the child elements of those qualified names (namesUnder), in their order. */
export function childrenNamed(node: XmlNode, names: readonly string[]): unknown[] {
  const values: unknown[] = [];
  for (const name of names) {
    const value = node[name];
    if (value === undefined) continue;
    if (Array.isArray(value)) values.push(...value);
    else values.push(value);
  }
  return values;
}

/**
 * A copy of the subtree with the prefix taken off element names, so that elements
 * of a namespace bound to a prefix read like those in the default namespace.
 */
export function withoutPrefix(node: unknown, prefix: string): unknown {
  if (prefix === '') return node;
  if (Array.isArray(node)) return node.map((child) => withoutPrefix(child, prefix));
  if (typeof node !== 'object' || node === null) return node;
  const copy: XmlNode = {};
  const start = `${prefix}:`;
  for (const [key, value] of Object.entries(node as XmlNode)) {
    const name = key.startsWith(start) ? key.slice(start.length) : key;
    copy[name] = withoutPrefix(value, prefix);
  }
  return copy;
}

/**
 * The document text with the prefix taken off element names, for the readers that
 * work on the text (mixed content): `<ns0:p>` and `</ns0:p>` become `<p>` and `</p>`.
 * Comments and CDATA are left alone.
 */
export function withoutElementPrefix(xml: string, prefix: string): string {
  if (prefix === '') return xml;
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const element = new RegExp(
    `<!--[\\s\\S]*?-->|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|<(/?)${escaped}:`,
    'g',
  );
  return xml.replace(element, (match, slash: string | undefined) =>
    slash === undefined ? match : `<${slash}`,
  );
}
