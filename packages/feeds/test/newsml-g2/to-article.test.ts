import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/cleaning/clean-article.js';
import { decodeNewsMlG2 } from '../../src/newsml-g2/decode.js';
import { newsMlG2ToArticles } from '../../src/newsml-g2/to-article.js';
import { parseXml, type XmlNode } from '../../src/xml/parse-xml.js';
import { ninjsProblems, testContext } from './load-g2.js';

interface Parts {
  attrs?: string;
  itemMeta?: string;
  contentMeta?: string;
  contentSet?: string;
  extra?: string;
}

/** One article from a newsItem assembled from parts; a text item with a body unless given. */
function article(parts: Parts, context = testContext) {
  const itemMeta = parts.itemMeta ?? '';
  const itemClass = itemMeta.includes('<itemClass') ? '' : '<itemClass qcode="ninat:text"/>';
  const xml =
    `<newsItem guid="urn:x:1" version="3" ${parts.attrs ?? ''}>${parts.extra ?? ''}` +
    `<itemMeta>${itemClass}${itemMeta}</itemMeta>` +
    `<contentMeta><headline>H</headline>${parts.contentMeta ?? ''}</contentMeta>` +
    `<contentSet>${parts.contentSet ?? '<inlineXML contenttype="text/html"><p>B</p></inlineXML>'}</contentSet></newsItem>`;
  const items = decodeNewsMlG2('newsItem', parseXml(xml).tree.newsItem as XmlNode, xml);
  const [parsed] = newsMlG2ToArticles(items, context).articles.map(cleanArticle);
  if (!parsed) throw new Error('no article');
  expect(ninjsProblems(parsed.article)).toEqual([]);
  return parsed;
}

describe('NewsML-G2 dates', () => {
  it('converts an offset date-time to UTC', () => {
    const parsed = article({
      itemMeta: '<versionCreated> 2023-02-03T07:31:00+09:00 </versionCreated>',
    });
    expect(parsed.article.versionCreated).toBe('2023-02-02T22:31:00.000Z');
  });

  it.each([
    [
      '2023-02-03T07:31:00',
      '2023-02-03T07:31:00.000Z',
      'firstCreated: no time zone in "2023-02-03T07:31:00", assumed UTC',
    ],
    ['Fri, 03 Feb 2023 07:31:00 GMT', '2023-02-03T07:31:00.000Z', undefined],
  ])('reads %s leniently, as every format does', (value, iso, warning) => {
    const parsed = article({ itemMeta: `<firstCreated>${value}</firstCreated>` });
    expect(parsed.article.firstCreated).toBe(iso);
    expect(parsed.warnings).toEqual(warning ? [warning] : []);
  });

  it('drops an impossible date with a warning naming the field', () => {
    const parsed = article({ itemMeta: '<firstCreated>2023-02-30T07:31:00Z</firstCreated>' });
    expect(parsed.article.firstCreated).toBeUndefined();
    expect(parsed.warnings).toEqual(['firstCreated: invalid date "2023-02-30T07:31:00Z"']);
  });

  it('says an embargo until further notice cannot be carried', () => {
    const parsed = article({ itemMeta: '<embargoed/>' });
    expect(parsed.article.embargoedUntil).toBeUndefined();
    expect(parsed.warnings).toEqual([
      'embargoed until further notice: ninjs cannot say so; no embargoedUntil',
    ]);
  });
});

describe('NewsML-G2 status and signals', () => {
  it('maps withheld to pubStatus withheld without a signal', () => {
    const parsed = article({ itemMeta: '<pubStatus qcode="stat:withheld"/>' });
    expect(parsed.article.pubStatus).toBe('withheld');
    expect(parsed.signal).toBe('none');
  });

  it('ranks a correction above an update', () => {
    const parsed = article({
      itemMeta: '<signal qcode="sig:update"/><signal qcode="sig:correction"/>',
    });
    expect(parsed.signal).toBe('correction');
  });

  it('reads the pubStatus and itemClass given as URIs', () => {
    const parsed = article({
      itemMeta:
        '<itemClass uri="http://cv.iptc.org/newscodes/ninature/picture"/>' +
        '<pubStatus uri="http://cv.iptc.org/newscodes/pubstatusg2/canceled"/>',
    });
    expect(parsed.article.type).toBe('picture');
    expect(parsed.signal).toBe('kill');
  });

  it.each(['0', '10', 'high'])('drops urgency %s with a warning', (value) => {
    const parsed = article({ contentMeta: `<urgency>${value}</urgency>` });
    expect(parsed.article.urgency).toBeUndefined();
    expect(parsed.warnings).toContain(`urgency "${value}" is not 1 to 9; dropped`);
  });

  it.each([
    ['<itemClass qcode="icls:text"/>', 'text'],
    ['<itemClass qcode="icls:picture"/>', 'picture'],
    ['<itemClass qcode="icls:video"/>', 'video'],
    ['<itemClass qcode="icls:audio"/>', 'audio'],
    ['<itemClass qcode="icls:composite"/>', 'composite'],
    ['<itemClass uri="http://example.com/itemclass/Graphic"/>', 'graphic'],
  ])('takes the nature from an item class of another scheme: %s', (itemClass, type) => {
    const parsed = article({ itemMeta: itemClass });
    expect(parsed.article.type).toBe(type);
    expect(parsed.warnings.filter((w) => w.includes('no type'))).toEqual([]);
  });

  it('warns of an item class ninjs has no type for', () => {
    const parsed = article({ itemMeta: '<itemClass qcode="ninat:event"/>' });
    expect(parsed.article.type).toBeUndefined();
    expect(parsed.warnings).toContain('itemClass ninat:event is not a news nature; no type');
  });
});

describe('NewsML-G2 publication constraints', () => {
  it('keeps elements marked not for publication out of the article, and says so', () => {
    const parsed = article({
      itemMeta:
        '<edNote>Embargoed until noon.</edNote>' +
        '<edNote pubconstraint="dpapconstraint:nonpublic" role="dpaednoterole:contacts">Reporter, +49 30 123</edNote>',
      contentMeta:
        '<description pubconstraint="xyz:internal">Internal summary</description><slugline>Slug</slugline>',
    });
    expect(parsed.article.edNote).toBe('Embargoed until noon.');
    expect(JSON.stringify(parsed.article)).not.toMatch(/Reporter|Internal summary/);
    expect(parsed.article.slugline).toBe('Slug');
    expect(parsed.source.publicationConstraints).toEqual([
      'dpapconstraint:nonpublic',
      'xyz:internal',
    ]);
    expect(parsed.warnings).toContain(
      'elements not for publication left out (dpapconstraint:nonpublic, xyz:internal)',
    );
  });

  it('reports no constraint for an item without any', () => {
    expect(article({}).source.publicationConstraints).toBeUndefined();
  });
});

describe('NewsML-G2 descriptive metadata', () => {
  it('prefers the content language to xml:lang, and the feed language to nothing', () => {
    expect(
      article({ attrs: 'xml:lang="en"', contentMeta: '<language tag="de"/>' }).article.language,
    ).toBe('de');
    expect(article({ attrs: 'xml:lang="en"' }).article.language).toBe('en');
    expect(article({}, { ...testContext, language: 'ko' }).article.language).toBe('ko');
  });

  it('resolves QCodes with a catalog written inside the item', () => {
    const parsed = article({
      extra: '<catalog><scheme alias="acme" uri="http://acme.example/topics/"/></catalog>',
      contentMeta: '<subject qcode="acme:42" rel="imrel:about"><name>Answer</name></subject>',
    });
    expect(parsed.article.subjects).toEqual([
      { name: 'Answer', uri: 'http://acme.example/topics/42', rel: 'imrel:about' },
    ]);
  });

  it('keeps a subject uri that is not absolute as a literal, with a warning', () => {
    const parsed = article({
      contentMeta: '<subject uri="topics/42"><name>Answer</name></subject>',
    });
    expect(parsed.article.subjects).toEqual([{ name: 'Answer', literal: 'topics/42' }]);
    expect(parsed.warnings).toContain('concept uri "topics/42" is not an absolute URI');
  });

  it('takes contentMeta/by over the creators, and headline and description roles by code', () => {
    const parsed = article({
      contentMeta:
        '<by>By A. Writer</by><creator><name>a.writer</name></creator>' +
        '<headline role="hrol:short">Short</headline><description role="drol:summary">S</description>',
    });
    expect(parsed.article.by).toBe('By A. Writer');
    expect(parsed.article.headlines).toEqual([
      { role: 'main', value: 'H' },
      { role: 'short', value: 'Short' },
    ]);
    expect(parsed.article.descriptions).toEqual([{ role: 'summary', value: 'S' }]);
  });

  it('keeps plain-text edNotes joined and leaves XHTML notes out', () => {
    const parsed = article({
      itemMeta:
        '<edNote>one</edNote>' +
        '<edNote><section xmlns="http://www.w3.org/1999/xhtml"><p>pad</p></section></edNote><edNote>two</edNote>',
    });
    expect(parsed.article.edNote).toBe('one\ntwo');
  });
});

describe('NewsML-G2 content', () => {
  it('makes paragraphs of plain-text inlineData', () => {
    const parsed = article({
      contentSet: '<inlineData contenttype="text/plain">First &amp; one.\n\nSecond.</inlineData>',
    });
    expect(parsed.article.bodies?.[0]?.value).toBe('<p>First &amp; one.</p><p>Second.</p>');
    expect(parsed.article.bodies?.[1]?.value).toBe('First & one.\n\nSecond.');
  });

  it('does not take a SportsML inlineXML for a body, and says so', () => {
    const parsed = article({
      contentSet:
        '<inlineXML contenttype="application/sportsml+xml"><sports-content><p>x</p></sports-content></inlineXML>',
    });
    expect(parsed.article.bodies).toBeUndefined();
    expect(parsed.warnings).toContain(
      'inlineXML of type application/sportsml+xml is not mapped to a body',
    );
    expect(parsed.warnings).toContain('text item has no body');
  });

  it('drops script and event handlers from the body and the page header', () => {
    const parsed = article({
      contentSet:
        '<inlineXML contenttype="application/xhtml+xml"><html><body><header><h1>H</h1></header>' +
        '<p onclick="x()">Safe<script>alert(1)</script></p></body></html></inlineXML>',
    });
    expect(parsed.article.bodies?.[0]?.value).toBe('<p>Safe</p>');
  });

  it('associates a picture the item links by residref, with the link href as a rendition', () => {
    const parsed = article({
      itemMeta:
        '<link rel="irel:seeAlso" residref="urn:x:pic" href="https://img.example/p.jpg" contenttype="image/jpeg" version="2">' +
        '<itemClass qcode="ninat:picture"/><title>A picture</title></link>' +
        '<link rel="irel:seeAlso" href="https://example.com/page"/>',
    });
    expect(parsed.article.associations).toEqual([
      {
        name: 'A picture',
        uri: 'urn:x:pic',
        rel: 'seeAlso',
        type: 'picture',
        version: '2',
        renditions: [
          { name: 'default', href: 'https://img.example/p.jpg', contentType: 'image/jpeg' },
        ],
      },
    ]);
  });
});

describe('the ninjs check these tests rely on', () => {
  it('rejects a relative rendition href, an association without a name and an unknown property', () => {
    expect(ninjsProblems({ renditions: [{ name: 'x', href: './a.jpg' }] })).not.toEqual([]);
    expect(ninjsProblems({ associations: [{ uri: 'urn:x:1' }] })).not.toEqual([]);
    expect(ninjsProblems({ dateline: 'X' } as never)).not.toEqual([]);
    expect(ninjsProblems({ type: 'text' })).toEqual([]);
  });
});
