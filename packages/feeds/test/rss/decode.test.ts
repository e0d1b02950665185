// The RSS decoder on what feeds do in the wild: markup left unescaped, relative
// links, Dublin Core, Atom and iTunes elements inside items, control characters.
import { describe, expect, it } from 'vitest';
import { decodeRss } from '../../src/rss/decode.js';
import { parseXml, type XmlNode } from '../../src/xml/parse-xml.js';

const items = (xml: string) => decodeRss(parseXml(xml).tree.rss as XmlNode).items;
const rss = (item: string, attributes = '', channel = '') =>
  `<rss version="2.0" ${attributes}><channel>${channel}<item>${item}</item></channel></rss>`;

describe('decodeRss', () => {
  it.each([
    ['<id>AKR20240101000100001</id>', 'AKR20240101000100001'],
    ['<atom:id>urn:x:1</atom:id>', 'urn:x:1'],
    ['<dc:identifier>doc-7</dc:identifier>', 'doc-7'],
    ['<guid>g-1</guid><id>other</id>', 'g-1'],
  ])('takes the item id from %s when there is no guid', (element, guid) => {
    const [item] = items(
      rss(`<title>T</title>${element}`, 'xmlns:atom="http://www.w3.org/2005/Atom"'),
    );
    expect(item?.guid).toBe(guid);
  });

  it('dates an item by dcterms:modified, then pubDate, dc:date and dcterms:created', () => {
    const dcterms = 'xmlns:dct="http://purl.org/dc/terms/"';
    const modified = '<dct:modified>2024-05-02T10:00:00Z</dct:modified>';
    const created = '<dct:created>2024-05-01T08:00:00Z</dct:created>';
    const pubDate = '<pubDate>Wed, 01 May 2024 09:00:00 GMT</pubDate>';
    expect(items(rss(`${pubDate}${modified}${created}`, dcterms))[0]?.pubDate).toBe(
      '2024-05-02T10:00:00Z',
    );
    expect(items(rss(`${created}${pubDate}`, dcterms))[0]?.pubDate).toBe(
      'Wed, 01 May 2024 09:00:00 GMT',
    );
    expect(items(rss(created, dcterms))[0]?.pubDate).toBe('2024-05-01T08:00:00Z');
    expect(items(rss('<dcterms:created>2024-05-01</dcterms:created>'))[0]?.pubDate).toBe(
      '2024-05-01',
    );
  });

  it('keeps HTML left unescaped in title and description as markup', () => {
    const [item] = items(
      rss('<title><b>Big</b> news</title><description><p>One</p></description>'),
    );
    expect(item?.title).toContain('<b>Big</b>');
    expect(item?.description).toBe('<p>One</p>');
  });

  it('reads categories and authors with markup inside as their text', () => {
    const [item] = items(rss('<category><p>World</p></category><author><b>Kim</b></author>'));
    expect(item?.categories).toEqual(['World']);
    expect(item?.creator).toBe('Kim');
  });

  it('resolves a relative link against xml:base, on the root or on the item', () => {
    const [rooted] = items(rss('<link>post/1</link>', 'xml:base="http://example.org/feeds/"'));
    expect(rooted?.link).toBe('http://example.org/feeds/post/1');
    const [scoped] = items(
      rss('<link>first</link>').replace('<item>', '<item xml:base="https://example.com/a/">'),
    );
    expect(scoped?.link).toBe('https://example.com/a/first');
  });

  it('resolves a path against the channel link, and leaves other text as written', () => {
    const channel = '<link>https://example.com/news/</link>';
    expect(items(rss('<link>/story/1</link>', '', channel))[0]?.link).toBe(
      'https://example.com/story/1',
    );
    expect(items(rss('<link>記事1のURL</link>', '', channel))[0]?.link).toBe('記事1のURL');
  });

  it('takes the first <link> with text when an item repeats it', () => {
    const [item] = items(rss('<link>http://a.example/</link><link>http://b.example/</link>'));
    expect(item?.link).toBe('http://a.example/');
  });

  it('falls back to dc:description, then Atom and iTunes elements under their declared prefix', () => {
    const namespaces =
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:a="http://www.w3.org/2005/Atom" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"';
    const [item] = items(
      rss(
        '<dc:description>About</dc:description><a:published>2019-01-02T15:04:05Z</a:published>' +
          '<a:author><a:name>Ann</a:name></a:author><a:category term="tech"/>' +
          '<itunes:image href="http://example.org/art.png"/>',
        namespaces,
      ),
    );
    expect(item?.description).toBe('About');
    expect(item?.pubDate).toBe('2019-01-02T15:04:05Z');
    expect(item?.creator).toBe('Ann');
    expect(item?.categories).toEqual(['tech']);
    expect(item?.media).toEqual([{ url: 'http://example.org/art.png', isThumbnail: true }]);
  });

  it('takes control characters out of text', () => {
    expect(items(rss('<title>ab\u0008cd</title>'))[0]?.title).toBe('abcd');
  });

  it('reads a media:thumbnail inside a media:content (a video poster) as a thumbnail', () => {
    const [item] = items(
      rss(
        '<media:content medium="video" url="http://v.example/1.mp4"><media:thumbnail url="http://v.example/poster"/></media:content>',
        'xmlns:media="http://search.yahoo.com/mrss/"',
      ),
    );
    expect(item?.media.map((m) => [m.url, m.isThumbnail])).toEqual([
      ['http://v.example/1.mp4', false],
      ['http://v.example/poster', true],
    ]);
  });
});
