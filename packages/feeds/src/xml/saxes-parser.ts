// A saxes parser with the fast path's event handlers set. `on` stores each handler
// in a new property of the parser; V8 keeps the parser a fast object through seven
// such stores, and an eighth makes it a dictionary object, which makes the whole
// parse five times slower (measured on the corpus). saxes-parser.test.ts checks
// that the parser made here still has fast properties.
import { SaxesParser, type SaxesTagPlain, type XMLDecl } from 'saxes';

// XML's five entities and the 35 HTML and currency names fast-xml-parser knows
// (htmlEntities), with its readings; saxes refuses any other reference, which sends
// the document to fast-xml-parser.
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

export interface Handlers {
  text: (text: string) => void;
  cdata: (data: string) => void;
  doctype: (doctype: string) => void;
  opentag: (tag: SaxesTagPlain) => void;
  closetag: (tag: SaxesTagPlain) => void;
  processinginstruction: (instruction: { target: string; body: string }) => void;
  xmldecl: (declaration: XMLDecl) => void;
}

/**
 * A parser without namespaces (names stay as written, prefix and all) that resolves
 * the entities above and throws at the first thing XML forbids (no error handler).
 */
export function saxesParser(handlers: Handlers): SaxesParser {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.ENTITIES = entities;
  parser.on('text', handlers.text);
  parser.on('cdata', handlers.cdata);
  parser.on('doctype', handlers.doctype);
  parser.on('opentag', handlers.opentag);
  parser.on('closetag', handlers.closetag);
  parser.on('processinginstruction', handlers.processinginstruction);
  parser.on('xmldecl', handlers.xmldecl);
  return parser;
}
