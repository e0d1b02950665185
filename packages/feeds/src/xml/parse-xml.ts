// XML text to a plain object tree, in the shape fast-xml-parser gives (xml-tree.ts).
// A fast path reads a well-formed document with saxes in one pass; anything else,
// and anything the fast path is not sure of, goes whole to the slow path,
// fast-xml-parser's validator then parser, which reads and refuses what it always did.
import { ParseError } from '../errors.js';
import { readWellFormed } from './read-well-formed.js';
import { readWithFastXmlParser } from './read-with-fast-xml-parser.js';
import type { SourceOutline } from './source-outline.js';
import { textKey, type XmlNode } from './xml-tree.js';

export { attributePrefix, textKey, type XmlNode } from './xml-tree.js';

export interface ParsedXml {
  tree: XmlNode;
  /** The slow path read it: saxes refused it, or the fast path was unsure of it. */
  slowPath: boolean;
  /** Where the watched elements stand; the fast path alone keeps it. */
  outline?: SourceOutline;
}

const doctypeWithSubset = /<!DOCTYPE[^>[]*\[([\s\S]*?)\]\s*>/i;
const generalEntity = /<!ENTITY\s+(?!%)/i;
const parameterEntity = /<!ENTITY\s+%/i;

/**
 * The text a DOCTYPE's internal subset leaves safe to parse. General entities (the
 * billion laughs, XXE) are refused. Parameter entities that only name the
 * format's external DTD, as Kyodo's and SDA's NewsML carry
 * (`<!ENTITY % nitf SYSTEM "nitf-3-0.dtd"> %nitf;`), are never fetched or expanded:
 * the DOCTYPE goes, as an external DTD reference is never read either.
 */
function withoutSafeDoctype(text: string): string {
  const head = text.slice(0, 64 * 1024);
  // No DOCTYPE at all, as in nearly every feed: one scan for it, not two for its forms.
  if (!/<!DOCTYPE/i.test(head)) return text;
  const subset = doctypeWithSubset.exec(head);
  if (subset === null) {
    if (/<!DOCTYPE[^>[]*\[/i.test(head)) throw new ParseError('XML_DTD_REFUSED');
    return text;
  }
  const declarations = subset[1] ?? '';
  if (generalEntity.test(declarations)) throw new ParseError('XML_DTD_REFUSED');
  if (!parameterEntity.test(declarations)) return text;
  return text.slice(0, subset.index) + text.slice(subset.index + subset[0].length);
}

/** The text either path reads: a safe DOCTYPE gone, and whitespace before the declaration. */
function prepared(source: string): string {
  // Whitespace before the XML declaration is an error by the letter of XML 1.0,
  // and common in real feeds; it means nothing, so it goes.
  return withoutSafeDoctype(source.replace(/^\s+(?=<\?xml)/, ''));
}

/**
 * @param watched local names of elements whose place in the text the fast path
 *   records (the outline), so that a decoder need not scan the text for them.
 */
export function parseXml(source: string, watched?: ReadonlySet<string>): ParsedXml {
  const text = prepared(source);
  const read = readWellFormed(text, watched);
  if (read !== undefined) {
    const { tree, outline } = read;
    return watched === undefined ? { tree, slowPath: false } : { tree, slowPath: false, outline };
  }
  return { tree: readWithFastXmlParser(text), slowPath: true };
}

/** The slow path alone, for every document: the reference the fast path is held to. */
export function parseXmlSlowly(source: string): XmlNode {
  return readWithFastXmlParser(prepared(source));
}

/** The text content of an element that may carry attributes. */
export function textOf(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && textKey in node) return String((node as XmlNode)[textKey]);
  return undefined;
}

export function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
