import { describe, expect, it } from 'vitest';
import { codeOf, createQCodeResolver, splitQCode } from '../../src/newsml-g2/qcodes.js';
import { isUri } from '../../src/newsml-g2/uri.js';

describe('QCode expansion', () => {
  it('expands an IPTC alias with the bundled catalog', () => {
    const resolver = createQCodeResolver();
    expect(resolver.resolve('medtop:20000523')).toEqual({
      uri: 'http://cv.iptc.org/newscodes/mediatopic/20000523',
    });
    expect(resolver.resolve('stat:canceled')).toEqual({
      uri: 'http://cv.iptc.org/newscodes/pubstatusg2/canceled',
    });
    expect(resolver.warnings).toEqual([]);
  });

  it('lets a catalog inline in the item win over the IPTC one', () => {
    const resolver = createQCodeResolver({ medtop: 'http://example.com/topics/' });
    expect(resolver.resolve('medtop:1')).toEqual({ uri: 'http://example.com/topics/1' });
  });

  it('keeps a QCode of an unknown alias as a literal and warns once per alias', () => {
    const resolver = createQCodeResolver();
    expect(resolver.resolve('gyimeid:104530187')).toEqual({ literal: 'gyimeid:104530187' });
    expect(resolver.resolve('gyimeid:2')).toEqual({ literal: 'gyimeid:2' });
    expect(resolver.warnings).toEqual([
      'unknown QCode scheme alias "gyimeid" (e.g. gyimeid:104530187); kept as a literal',
    ]);
  });

  it('does not take inherited object properties for aliases', () => {
    const resolver = createQCodeResolver();
    expect(resolver.resolve('constructor:x')).toEqual({ literal: 'constructor:x' });
    expect(resolver.resolve('__proto__:x')).toEqual({ literal: '__proto__:x' });
  });

  it('keeps a value without an alias, or one expanding to a bad URI, as a literal', () => {
    const resolver = createQCodeResolver();
    expect(resolver.resolve('nocolon')).toEqual({ literal: 'nocolon' });
    expect(resolver.resolve('medtop:has space')).toEqual({ literal: 'medtop:has space' });
    expect(resolver.warnings).toHaveLength(2);
  });

  it('prefers a valid uri attribute over the QCode', () => {
    const resolver = createQCodeResolver();
    expect(resolver.uriOf({ qcode: 'medtop:1', uri: 'http://example.com/x' })).toBe(
      'http://example.com/x',
    );
    expect(resolver.uriOf({ qcode: 'medtop:1', uri: 'not a uri' })).toBe(
      'http://cv.iptc.org/newscodes/mediatopic/1',
    );
  });

  it('splits at the first colon only', () => {
    expect(splitQCode('a:b:c')).toEqual({ alias: 'a', code: 'b:c' });
    expect(codeOf('drol:caption')).toBe('caption');
    expect(codeOf('caption')).toBe('caption');
  });
});

describe('the URI check', () => {
  it.each([
    ['urn:newsml:yna.co.kr:20230203:AEN20230203000400315', true],
    ['tag:gettyimages.com,2010:GYI0062134533', true],
    ['http://cv.iptc.org/newscodes/mediatopic/04000000', true],
    ['./GYI0062134533.jpg', false],
    ['file:///./ GYI0062134533-web.jpg', false],
    ['urn:newsml:iptc.org:20081007:tutorial—item-B', false],
    ['N1', false],
    ['http://host:port/', false],
    ['http://example.com/%zz', false],
  ])('%s is a URI: %s', (value, expected) => {
    expect(isUri(value)).toBe(expected);
  });
});
