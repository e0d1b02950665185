// The fast path sets saxes's event handlers by their property names (saxes-parser.ts)
// instead of through `on`, which would make the parser a slow dictionary object. This
// holds the names to the version of saxes installed: where `on` puts a handler, there
// saxesParser puts it, and each is called when parseXml reads a document.
import { type EventName, SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../src/xml/parse-xml.js';
import { type Handlers, saxesParser } from '../../src/xml/saxes-parser.js';

const slots: Record<string, keyof Handlers> = {
  text: 'textHandler',
  cdata: 'cdataHandler',
  doctype: 'doctypeHandler',
  opentag: 'openTagHandler',
  closetag: 'closeTagHandler',
  processinginstruction: 'piHandler',
  xmldecl: 'xmldeclHandler',
};

describe('saxes handlers', () => {
  it('are kept where saxesParser sets them', () => {
    for (const [event, slot] of Object.entries(slots)) {
      const parser = new SaxesParser({ xmlns: false });
      const handler = () => {};
      parser.on(event as EventName, handler);
      expect((parser as unknown as Record<string, unknown>)[slot]).toBe(handler);
    }
  });

  it('are each called, on the fast path', () => {
    const called = new Set<string>();
    const handlers = Object.fromEntries(
      Object.values(slots).map((slot) => [slot, () => called.add(slot)]),
    ) as unknown as Handlers;
    const text =
      '<?xml version="1.0"?><!DOCTYPE a><!-- c --><?pi x="1"?><a b="1">t<![CDATA[d]]><e/></a>';
    saxesParser(handlers).write(text).close();
    expect([...called].sort()).toEqual(Object.values(slots).sort());
    expect(parseXml(text)).toEqual({
      tree: {
        '?xml': { '@_version': '1.0' },
        '?pi': { '@_x': '1' },
        a: { e: '', '#text': 'td', '@_b': '1' },
      },
      slowPath: false,
    });
  });
});
