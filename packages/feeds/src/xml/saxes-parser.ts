// A saxes parser with its event handlers set. saxes 6.0.0 keeps each handler in a
// property of the parser; `parser.on(event, handler)` stores it under a computed key,
// and past a few such stores V8 turns the parser into a dictionary object, which
// makes the whole parse several times slower. Stored by name, in one order for
// every parser, the properties keep each parser a fast object of one shape. The
// names are saxes's private ones: package.json pins saxes exactly, and
// saxes-handlers.test.ts fails if `on` fills other properties than these.
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

type Handler<T> = (value: T) => void;

export interface Handlers {
  textHandler: Handler<string>;
  cdataHandler: Handler<string>;
  doctypeHandler: Handler<string>;
  openTagHandler: Handler<SaxesTagPlain>;
  closeTagHandler: Handler<SaxesTagPlain>;
  piHandler: Handler<{ target: string; body: string }>;
  xmldeclHandler: Handler<XMLDecl>;
}

/**
 * A parser without namespaces (names stay as written, prefix and all) that resolves
 * the entities above and throws at the first thing XML forbids (no error handler).
 */
export function saxesParser(handlers: Handlers): SaxesParser {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.ENTITIES = entities;
  const slots = parser as unknown as Handlers;
  slots.textHandler = handlers.textHandler;
  slots.cdataHandler = handlers.cdataHandler;
  slots.doctypeHandler = handlers.doctypeHandler;
  slots.openTagHandler = handlers.openTagHandler;
  slots.closeTagHandler = handlers.closeTagHandler;
  slots.piHandler = handlers.piHandler;
  slots.xmldeclHandler = handlers.xmldeclHandler;
  return parser;
}
