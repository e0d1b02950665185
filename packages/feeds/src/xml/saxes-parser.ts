// A saxes parser with its event handlers set. saxes 6.0.0 keeps each handler in a
// property of the parser; `parser.on(event, handler)` stores it under a computed key,
// and past seven such stores V8 turns the parser into a dictionary object, which
// makes the whole parse about five times slower. Stored by name, in one order for
// every parser, the properties keep each parser a fast object of one shape, which
// keeps saxes's code monomorphic. (saxes-handlers.test.ts checks that `on` fills these
// same properties, so that a saxes that renames them fails it.)
import { SaxesParser, type SaxesTagPlain, type XMLDecl } from 'saxes';

// XML's five entities and the 35 HTML and currency names fast-xml-parser knew
// (htmlEntities); any other reference is reported (references.ts reads it).
export const entities: Record<string, string> = Object.assign(Object.create(null), {
  amp: '&',
  apos: "'",
  gt: '>',
  lt: '<',
  quot: '"',
  nbsp: '\u00a0',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  mdash: '\u2014',
  ndash: '\u2013',
  hellip: '\u2026',
  laquo: '\u00ab',
  raquo: '\u00bb',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bull: '\u2022',
  para: '\u00b6',
  sect: '\u00a7',
  deg: '\u00b0',
  frac12: '\u00bd',
  frac14: '\u00bc',
  frac34: '\u00be',
  cent: '\u00a2',
  pound: '\u00a3',
  curren: '\u00a4',
  yen: '\u00a5',
  euro: '\u20ac',
  dollar: '$',
  fnof: '\u0192',
  inr: '\u20b9',
  af: '\u060b',
  birr: '\u1265\u122d',
  peso: '\u20b1',
  rub: '\u20bd',
  won: '\u20a9',
  yuan: '\u00a5',
  cedil: '\u00b8',
});

/** The XML version a document is read as, which decides the characters a reference may name. */
export type XmlVersion = '1.0' | '1.1';

export const versionOf = (declared: string | undefined): XmlVersion =>
  declared !== undefined && declared !== '1.0' && /^1\.[0-9]+$/.test(declared) ? '1.1' : '1.0';

type Handler<T> = ((value: T) => void) | undefined;

export interface Handlers {
  errorHandler?: Handler<Error>;
  textHandler?: Handler<string>;
  cdataHandler?: Handler<string>;
  commentHandler?: Handler<string>;
  doctypeHandler?: Handler<string>;
  openTagHandler?: Handler<SaxesTagPlain>;
  closeTagHandler?: Handler<SaxesTagPlain>;
  piHandler?: Handler<{ target: string; body: string }>;
  xmldeclHandler?: Handler<XMLDecl>;
}

/**
 * saxes reports each error it reads past through makeError, which builds an Error
 * and so captures a stack: a document with a million C0 controls (each an error
 * parseXml lets pass) took 2.5 s. The error's message is all the handler reads.
 */
class Parser extends SaxesParser {
  override makeError(message: string): Error {
    return { name: 'Error', message: `${this.line}:${this.column}: ${message}` };
  }
}

/**
 * A parser without namespaces (names stay as written, prefix and all), resolving XML's
 * five entities and the HTML names fast-xml-parser knew; a fragment parser reads
 * character data as if inside an element.
 */
export function saxesParser(
  handlers: Handlers,
  fragment = false,
  version: XmlVersion = '1.0',
): SaxesParser {
  const parser = new Parser({ xmlns: false, fragment, defaultXMLVersion: version });
  parser.ENTITIES = entities;
  const slots = parser as unknown as Handlers;
  slots.errorHandler = handlers.errorHandler;
  slots.textHandler = handlers.textHandler;
  slots.cdataHandler = handlers.cdataHandler;
  slots.commentHandler = handlers.commentHandler;
  slots.doctypeHandler = handlers.doctypeHandler;
  slots.openTagHandler = handlers.openTagHandler;
  slots.closeTagHandler = handlers.closeTagHandler;
  slots.piHandler = handlers.piHandler;
  slots.xmldeclHandler = handlers.xmldeclHandler;
  return parser;
}
