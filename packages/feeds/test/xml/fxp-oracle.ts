// The oracle for the one-pass reader: the slow path alone (fast-xml-parser's
// XMLValidator, then its XMLParser, as parseXml was before the fast path and as it
// still reads whatever the fast path leaves), so that the two paths read alike.
import { ParseError } from '../../src/errors.js';
import { parseXmlSlowly, type XmlNode } from '../../src/xml/parse-xml.js';

export const fxpParseXml = parseXmlSlowly;

/** A parse's outcome as data: the tree as JSON (key order counts), or the error code. */
export function outcomeOf(parse: (text: string) => XmlNode, text: string): string {
  try {
    return JSON.stringify(parse(text));
  } catch (err) {
    if (err instanceof ParseError) return err.code;
    throw err;
  }
}
