// XML text to a plain object tree with fast-xml-parser, configured for hostile
// input: no DTD entities, bounded entity expansion and nesting, values kept as
// strings (an id such as 00123 stays "00123"), attributes kept.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ParseError } from '../errors.js';

export type XmlNode = Record<string, unknown>;

export const attributePrefix = '@_';
export const textKey = '#text';

// Elements that may repeat; they always come back as arrays.
const repeatable = new Set(['item', 'entry', 'category', 'link', 'enclosure', 'dc:subject']);

const reservedNames = new Set(['__proto__', 'constructor', 'prototype']);

function renameReserved(name: string): string {
  return reservedNames.has(name) ? `reserved-${name}` : name;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: attributePrefix,
  textNodeName: textKey,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  processEntities: {
    enabled: true,
    maxEntityCount: 0,
    maxExpandedLength: 10_000_000,
  },
  maxNestedTags: 200,
  // The parser refuses __proto__ and constructor outright; renaming them first keeps
  // one hostile element from costing the whole document.
  transformTagName: renameReserved,
  transformAttributeName: renameReserved,
  isArray: (name) => repeatable.has(name),
});

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

export function parseXml(source: string): XmlNode {
  // Whitespace before the XML declaration is an error by the letter of XML 1.0,
  // and common in real feeds; it means nothing, so it goes.
  const text = withoutSafeDoctype(source.replace(/^\s+(?=<\?xml)/, ''));
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) {
    throw new ParseError('XML_MALFORMED', `${valid.err.msg} (line ${valid.err.line})`);
  }
  try {
    return parser.parse(text) as XmlNode;
  } catch (err) {
    throw new ParseError('XML_MALFORMED', (err as Error).message, { cause: err });
  }
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
