import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import { decodeNewsMlG2 } from '../../src/newsml-g2/decode.js';
import { decodeContentMeta } from '../../src/newsml-g2/decode-content-meta.js';
import { decodeContentSet } from '../../src/newsml-g2/decode-content-set.js';
import { decodeGroupSet } from '../../src/newsml-g2/decode-group-set.js';
import type { G2NewsItem } from '../../src/newsml-g2/g2-item.js';
import { newsMlG2ToArticles } from '../../src/newsml-g2/to-article.js';
import { parseXml, type XmlNode } from '../../src/xml/parse-xml.js';
import { loadG2, readXmlText, testContext } from './load-g2.js';

const examplesDir = join(corpusDir, 'newsml-g2/examples');
const examplePath = (prefix: string) => {
  const file = readdirSync(examplesDir).find((name) => name.startsWith(prefix));
  if (!file) throw new Error(`no example ${prefix}`);
  return join(examplesDir, file);
};
const fragment = (prefix: string, root: string) =>
  parseXml(readXmlText(examplePath(prefix))).tree[root];

function news(xml: string, withText = true): G2NewsItem[] {
  const { tree } = parseXml(xml);
  const root = Object.keys(tree)[0] ?? '';
  return decodeNewsMlG2(root, tree[root] as XmlNode, withText ? xml : undefined) as G2NewsItem[];
}

const mixedBody =
  '<contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>' +
  '<p>Hello <b>bold</b> world</p><h2>Sub</h2><p>two</p></body></html></inlineXML></contentSet>';

describe('decoding inline bodies', () => {
  it('keeps mixed content and element order when the document text is given', () => {
    const [item] = news(`<newsItem guid="urn:x:1">${mixedBody}</newsItem>`);
    expect(item?.contentSet.inlineXml[0]).toMatchObject({
      format: 'xhtml',
      markup: '<p>Hello <b>bold</b> world</p><h2>Sub</h2><p>two</p>',
      lossy: false,
    });
  });

  it('rebuilds the body from the tree without the text, and the article says order may be lost', () => {
    const items = news(`<newsItem guid="urn:x:1">${mixedBody}</newsItem>`, false);
    expect(items[0]?.contentSet.inlineXml[0]?.lossy).toBe(true);
    const [parsed] = newsMlG2ToArticles(items, testContext).articles;
    expect(parsed?.warnings).toContain(
      'body rebuilt from the object tree: the order of mixed content may be lost',
    );
  });

  it('gives each item of a news message its own inline body, whatever the item order', () => {
    const body = (text: string) =>
      `<contentSet><inlineXML contenttype="text/html"><p>${text}</p></inlineXML></contentSet>`;
    const items = news(
      '<newsMessage><itemSet>' +
        `<newsItem guid="urn:x:a">${body('first')}</newsItem>` +
        '<packageItem guid="urn:x:p"><!-- <newsItem> in a comment --></packageItem>' +
        `<newsItem guid="urn:x:b">${body('second')}</newsItem>` +
        '</itemSet></newsMessage>',
    );
    const markupOf = (guid: string) =>
      items.find((item) => item.guid === guid)?.contentSet.inlineXml[0]?.markup;
    expect(items.map((item) => item.kind).sort()).toEqual(['newsItem', 'newsItem', 'packageItem']);
    expect(markupOf('urn:x:a')).toBe('<p>first</p>');
    expect(markupOf('urn:x:b')).toBe('<p>second</p>');
  });

  it('reads the NITF body.content of the LISTING 25 contentSet fragment, with or without text', () => {
    const node = fragment('LISTING_25_', 'contentSet');
    const fromTree = decodeContentSet(node, undefined).inlineXml[0];
    expect(fromTree?.format).toBe('nitf');
    expect(fromTree?.markup).toMatch(/^<p>\(Sports Network\) - With the Philadelphia Phillies/);
    expect(fromTree?.markup).not.toContain('Sports Network</byttl>');
  });
});

describe('decoding NewsML-G2 fragments', () => {
  it.each([
    ['LISTING_7_', 4, 'tutorial—item-D'],
    ['LISTING_8_', 8, 'tutorial—item-H'],
    ['LISTING_9_', 13, 'tutorial—item-M'],
  ])('%s walks its groupSet to %i item refs, the last one %s', (prefix, count, last) => {
    const refs = decodeGroupSet(fragment(prefix, 'groupSet'), 'en');
    expect(refs).toHaveLength(count);
    expect(refs.at(-1)?.residref).toBe(`urn:newsml:iptc.org:20081007:${last}`);
    expect(refs[0]?.groupRole).toBe(prefix === 'LISTING_9_' ? 'group:top' : 'group:main');
  });

  it('gives no article for a groupSet fragment, and says so', () => {
    const loaded = loadG2(examplePath('LISTING_7_'));
    expect(loaded.articles).toEqual([]);
    expect(loaded.warnings).toEqual(['the document holds no NewsML-G2 item']);
  });

  it('reads dateline, located, language and subjects of the LISTING 28 contentMeta fragment', () => {
    const meta = decodeContentMeta(fragment('LISTING_28_', 'contentMeta'), 'en');
    expect(meta.dateline).toBe('MOSCOW, Monday (Reuters)');
    expect(meta.located).toEqual({ qcode: 'city:Moscow' });
    expect(meta.languages).toEqual(['en-US']);
    expect(meta.subjects.map((s) => s.qcode)).toEqual(['city:Tskhinvali', 'city:Tblisi']);
  });
});

describe('items that carry no news content', () => {
  it.each([
    'LISTING_10_',
    'LISTING_11_',
    'LISTING_12_',
    'LISTING_13_',
    'LISTING_14_',
    'LISTING_15_',
    'LISTING_17_',
    'LISTING_18_',
    'LISTING_19_',
    'LISTING_20_',
  ])('%s gives no article and one warning naming the item', (prefix) => {
    const loaded = loadG2(examplePath(prefix));
    expect(loaded.articles).toEqual([]);
    expect(loaded.warnings).toHaveLength(1);
    expect(loaded.warnings[0]).toMatch(
      /^(conceptItem|knowledgeItem|planningItem|catalogItem) \S+ carries no news content; skipped$/,
    );
  });
});

describe('a news message conveying a package (LISTING 24)', () => {
  const loaded = loadG2(examplePath('LISTING_24_'));

  it('gives the package and its four news items as five articles', () => {
    expect(loaded.articles.map((a) => a.article.type ?? 'none')).toEqual([
      'composite',
      'none',
      'none',
      'none',
      'none',
    ]);
    expect(loaded.articles.slice(1).map((a) => a.source.guid)).toEqual(['N1', 'N2', 'N3', 'N4']);
  });

  it('drops the package associations whose residref is not a URI, with a warning each', () => {
    const [pkg] = loaded.articles;
    expect(pkg?.article.associations).toBeUndefined();
    expect(pkg?.warnings.filter((w) => w.endsWith('association dropped'))).toHaveLength(4);
    expect(pkg?.warnings).toContain('packageItem has no guid');
  });
});
