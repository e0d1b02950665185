// parseXml sets saxes's event handlers by name (saxes-parser.ts) instead of through
// `on`, which would make the parser a slow dictionary object. This holds the names to
// the version of saxes installed: where `on` puts a handler, there parseXml puts it.
import { type EventName, SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../src/xml/parse-xml.js';
import { type Handlers, saxesParser } from '../../src/xml/saxes-parser.js';

const slots: Record<string, keyof Handlers> = {
  error: 'errorHandler',
  text: 'textHandler',
  cdata: 'cdataHandler',
  comment: 'commentHandler',
  doctype: 'doctypeHandler',
  opentag: 'openTagHandler',
  closetag: 'closeTagHandler',
  processinginstruction: 'piHandler',
  xmldecl: 'xmldeclHandler',
};

describe('saxes handlers', () => {
  it('are kept where parseXml sets them', () => {
    for (const [event, slot] of Object.entries(slots)) {
      const parser = new SaxesParser({ xmlns: false });
      const handler = () => {};
      parser.on(event as EventName, handler);
      expect((parser as unknown as Record<string, unknown>)[slot]).toBe(handler);
    }
  });

  it('are each called by parseXml', () => {
    const text =
      '<?xml version="1.0"?><!DOCTYPE a><!-- c --><?pi x="1"?><a b="1">t<![CDATA[d]]><e/></a>';
    expect(parseXml(text)).toEqual({
      '?xml': { '@_version': '1.0' },
      '?pi': { '@_x': '1' },
      a: { e: '', '#text': 'td', '@_b': '1' },
    });
    expect(() => parseXml('<a><b></a>')).toThrow('not well-formed');
  });

  it('get errors without a stack, which saxes makes for every error parseXml reads past', () => {
    const messages: string[] = [];
    const errors: Error[] = [];
    const parser = saxesParser({
      errorHandler: (err) => {
        errors.push(err);
        messages.push(err.message);
      },
    });
    parser.write('<a>\u0001\u0002</a>').close();
    expect(messages).toEqual(['1:4: disallowed character.', '1:5: disallowed character.']);
    expect(errors.every((err) => err.stack === undefined)).toBe(true);
  });
});
