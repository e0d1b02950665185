// The fast path's saxes parser: each handler set is called, and setting them through
// `on` leaves the parser a fast object (an eighth handler would not: the parse gets
// five times slower), which V8 itself is asked.
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { type Handlers, saxesParser } from '../../src/xml/saxes-parser.js';

setFlagsFromString('--allow-natives-syntax');
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (
  o: object,
) => boolean;

const events: (keyof Handlers)[] = [
  'text',
  'cdata',
  'doctype',
  'opentag',
  'closetag',
  'processinginstruction',
  'xmldecl',
];

function recording(called: Set<string>): Handlers {
  return Object.fromEntries(
    events.map((event) => [event, () => called.add(event)]),
  ) as unknown as Handlers;
}

describe('the saxes parser of the fast path', () => {
  it('calls each handler it is given', () => {
    const called = new Set<string>();
    const text =
      '<?xml version="1.0"?><!DOCTYPE a><!-- c --><?pi x="1"?><a b="1">t<![CDATA[d]]><e/></a>';
    saxesParser(recording(called)).write(text).close();
    expect([...called].sort()).toEqual([...events].sort());
  });

  it('stays a fast object with its handlers set', () => {
    const parser = saxesParser(recording(new Set()));
    expect(hasFastProperties(parser)).toBe(true);
    parser.on('comment', () => {}); // the eighth
    expect(hasFastProperties(parser)).toBe(false);
  });
});
