// The slow path, and the reference for the fast one: fast-xml-parser's XMLValidator,
// then its XMLParser, configured for hostile input: no DTD entities, bounded entity
// expansion and nesting, values kept as strings (an id such as 00123 stays "00123"),
// attributes kept. It reads what saxes refuses (a C0 control, a bare '&' in an
// attribute, `<a b/>`, ...) and every refusal message comes from here.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ParseError } from '../errors.js';
import { attributePrefix, isRepeatable, textKey, type XmlNode } from './xml-tree.js';

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
  isArray: isRepeatable,
});

export function readWithFastXmlParser(text: string): XmlNode {
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
