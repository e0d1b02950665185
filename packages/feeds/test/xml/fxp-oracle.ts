// The oracle for the one-pass reader: parseXml as it was before it, two passes of
// fast-xml-parser 5.12 (XMLValidator, then XMLParser) with the configuration wire
// used, kept here verbatim so that the new reader is measured against it.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ParseError } from '../../src/errors.js';
import type { XmlNode } from '../../src/xml/parse-xml.js';

const repeatable = new Set(['item', 'entry', 'category', 'link', 'enclosure', 'dc:subject']);

const reservedNames = new Set(['__proto__', 'constructor', 'prototype']);

function renameReserved(name: string): string {
  return reservedNames.has(name) ? `reserved-${name}` : name;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
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
  transformTagName: renameReserved,
  transformAttributeName: renameReserved,
  isArray: (name) => repeatable.has(name),
});

const doctypeWithSubset = /<!DOCTYPE[^>[]*\[([\s\S]*?)\]\s*>/i;
const generalEntity = /<!ENTITY\s+(?!%)/i;
const parameterEntity = /<!ENTITY\s+%/i;

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

export function fxpParseXml(source: string): XmlNode {
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

/** A parse's outcome as data: the tree as JSON (key order counts), or the error code. */
export function outcomeOf(parse: (text: string) => XmlNode, text: string): string {
  try {
    return JSON.stringify(parse(text));
  } catch (err) {
    if (err instanceof ParseError) return err.code;
    throw err;
  }
}
