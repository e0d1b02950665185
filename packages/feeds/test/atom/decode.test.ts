// The Atom decoder on text constructs (RFC 4287 3.1, 4.1.3; Atom 0.3 modes),
// prefixed Atom elements, xml:base and Media RSS on entries.
import { describe, expect, it } from 'vitest';
import { decodeAtom } from '../../src/atom/decode.js';
import { parseXml, type XmlNode } from '../../src/xml/parse-xml.js';

const entries = (xml: string) => decodeAtom(parseXml(xml).tree.feed as XmlNode, xml).entries;
const atom = (entry: string, attributes = '') =>
  `<feed xmlns="http://www.w3.org/2005/Atom" ${attributes}><entry>${entry}</entry></feed>`;

describe('decodeAtom', () => {
  it('decodes base64 content of a binary type, and Atom 0.3 mode="base64"', () => {
    const [binary] = entries(
      atom('<content type="application/octet-stream">PHA+SGk8L3A+</content>'),
    );
    expect(binary?.content).toEqual({ type: 'text', value: '<p>Hi</p>' });
    const [legacy] = entries(atom('<title mode="base64">RW50cnkgVGl0bGU=</title>'));
    expect(legacy?.title).toEqual({ type: 'text', value: 'Entry Title' });
  });

  it('keeps a value of another type as written when it is not base64 text', () => {
    const [entry] = entries(atom('<title type="application/x-custom">test</title>'));
    expect(entry?.title).toEqual({ type: 'text', value: 'test' });
  });

  it('reads Atom 0.3 escaped and application/xhtml+xml constructs', () => {
    const [entry] = entries(
      atom(
        '<title type="text/html" mode="escaped">&lt;b&gt;T&lt;/b&gt;</title>' +
          '<summary type="application/xhtml+xml"><div xmlns="http://www.w3.org/1999/xhtml"><p>S</p></div></summary>',
      ),
    );
    expect(entry?.title).toEqual({ type: 'html', value: '<b>T</b>' });
    expect(entry?.summary).toEqual({ type: 'xhtml', value: '<p>S</p>' });
  });

  it('takes markup left unescaped in a text or html construct as HTML, in order', () => {
    const [entry] = entries(
      atom('<content type="html">Example <a href="t.html">test</a> end</content>'),
    );
    expect(entry?.content).toEqual({
      type: 'html',
      value: 'Example <a href="t.html">test</a> end',
    });
  });

  it('reads the entry title, not the title of its source', () => {
    const [entry] = entries(
      atom(
        '<source><title type="xhtml"><div>S</div></title></source><title type="xhtml"><div>E</div></title>',
      ),
    );
    expect(entry?.title?.value).toBe('E');
  });

  it('reads entries whose Atom elements carry a prefix of their own', () => {
    const xml =
      '<feed xmlns="http://www.w3.org/2005/Atom"><p0:entry xmlns:p0="http://www.w3.org/2005/Atom">' +
      '<p0:title>Hello</p0:title><p0:author><p0:name>Ann</p0:name></p0:author></p0:entry></feed>';
    const [entry] = entries(xml);
    expect(entry?.title?.value).toBe('Hello');
    expect(entry?.authors).toEqual(['Ann']);
  });

  it('resolves link hrefs against xml:base of the feed, the entry and the link', () => {
    const [entry] = entries(
      atom(
        '<link href="a/1"/><link rel="related" xml:base="/b/" href="2"/>',
        'xml:base="http://example.com/x/"',
      ),
    );
    expect(entry?.links.map((l) => l.href)).toEqual([
      'http://example.com/x/a/1',
      'http://example.com/b/2',
    ]);
  });

  it('reads Media RSS thumbnails of an entry', () => {
    const [entry] = entries(
      atom(
        '<media:thumbnail url="https://avatars.example/u/1?s=60"/>',
        'xmlns:media="http://search.yahoo.com/mrss/"',
      ),
    );
    expect(entry?.media).toEqual([{ url: 'https://avatars.example/u/1?s=60', isThumbnail: true }]);
  });
});
