import { describe, expect, it } from 'vitest';
import { expectValidNinjs, nitf, parseNitf } from './parse-nitf.js';

describe('nitfToArticle on hand-written documents', () => {
  it('keeps ed-urg within ninjs 1-9 and warns about values outside it', () => {
    expect(parseNitf(nitf({ docdata: '<urgency ed-urg="2"/>' })).article.urgency).toBe(2);
    const high = parseNitf(nitf({ docdata: '<urgency ed-urg="12"/>' }));
    expect(high.article.urgency).toBe(9);
    expect(high.warnings).toContain('urgency 12 clamped to 1-9');
    const unreadable = parseNitf(nitf({ docdata: '<urgency ed-urg="soon"/>' }));
    expect(unreadable.article.urgency).toBeUndefined();
    expect(unreadable.warnings).toContain('unreadable urgency "soon"');
  });

  it('converts ISO basic dates and embargoes until a date.release after date.issue', () => {
    const parsed = parseNitf(nitf({ docdata: '<date.release norm="20230203T120000+0900"/>' }));
    expect(parsed.article.versionCreated).toBe('2023-02-02T22:31:00.000Z');
    expect(parsed.article.embargoedUntil).toBe('2023-02-03T03:00:00.000Z');
    expectValidNinjs(parsed);
  });

  it('does not embargo when date.release is not after date.issue', () => {
    const parsed = parseNitf(nitf({ docdata: '<date.release norm="20230203T073100+0900"/>' }));
    expect(parsed.article.embargoedUntil).toBeUndefined();
  });

  it('turns an unreadable date into a warning', () => {
    const parsed = parseNitf(nitf({ docdata: '<date.release norm="2023-02-30T10:00:00Z"/>' }));
    expect(parsed.article.embargoedUntil).toBeUndefined();
    expect(parsed.warnings).toContain('date.release: invalid date "2023-02-30T10:00:00Z"');
  });

  it('maps ed-msg, copyright, du-key generation and version, and management-status', () => {
    const parsed = parseNitf(
      nitf({
        docdata: `<ed-msg info="Embargoed until noon; do not use before."/>
          <doc.copyright holder="Example Press" year="2023"/>
          <du-key key="storm-warning" generation="2" version="3"/>`,
      }),
    );
    expect(parsed.article.edNote).toBe('Embargoed until noon; do not use before.');
    expect(parsed.article.copyrightHolder).toBe('Example Press');
    expect(parsed.article.slugline).toBe('storm-warning');
    expect(parsed.source.version).toBe('2.3');
    const killed = parseNitf(nitf().replace('<docdata>', '<docdata management-status="canceled">'));
    expect(killed.article.pubStatus).toBe('canceled');
    expect(killed.signal).toBe('kill');
    const corrected = parseNitf(
      nitf({ docdata: '<correction info="Fixes the name" id-string="x"/>' }),
    );
    expect(corrected.signal).toBe('correction');
  });

  it('maps tobject subjects, keywords, classifiers and doc-scope to subjects', () => {
    const parsed = parseNitf(
      nitf({
        head: `<tobject tobject.type="news"><tobject.subject tobject.subject.refnum="15054000"
          tobject.subject.type="Sport" tobject.subject.matter="Football"/>
          <tobject.subject tobject.subject.refnum="L0CAL" tobject.subject.detail="Derby"/></tobject>`,
        docdata: `<key-list><keyword key="derby"/><keyword key="derby"/></key-list>
          <identified-content><classifier type="idxsubj" value="Premier League"/></identified-content>
          <doc-scope scope="UK"/>`,
      }),
    );
    expect(parsed.article.subjects).toEqual([
      { name: 'Football', uri: 'http://cv.iptc.org/newscodes/subjectcode/15054000' },
      { name: 'Derby', literal: 'L0CAL' },
      { name: 'derby', rel: 'keyword' },
      { name: 'Premier League', rel: 'classifier' },
      { name: 'UK', rel: 'scope' },
    ]);
    expectValidNinjs(parsed);
  });

  it('turns a linked image into a picture association with caption and renditions', () => {
    const parsed = parseNitf(
      nitf({
        content: `<p>Before.</p><media media-type="image">
          <media-reference source="https://img.example.com/storm.jpg" mime-type="image/jpeg" width="1024" height="683" alternate-text="Storm"/>
          <media-reference source="https://img.example.com/storm-thumb.jpg" name="thumbnail" width="128"/>
          <media-object encoding="base64">AAAAAAAA</media-object>
          <media-caption>Waves hit the <em>pier</em>.</media-caption>
          <media-producer>Photo: Jane Roe</media-producer></media>`,
      }),
    );
    expect(parsed.article.associations).toEqual([
      {
        name: 'picture-1',
        uri: 'https://img.example.com/storm.jpg',
        type: 'picture',
        renditions: [
          {
            name: 'rendition-1',
            href: 'https://img.example.com/storm.jpg',
            contentType: 'image/jpeg',
            width: 1024,
            height: 683,
          },
          { name: 'thumbnail', href: 'https://img.example.com/storm-thumb.jpg', width: 128 },
        ],
        descriptions: [
          { role: 'caption', contentType: 'text/plain', value: 'Waves hit the pier.' },
        ],
        by: 'Photo: Jane Roe',
      },
    ]);
    const html = parsed.article.bodies?.[0]?.value ?? '';
    expect(html).toContain('<img src="https://img.example.com/storm.jpg" alt="Storm">');
    expect(html).toContain('<figcaption>Waves hit the <em>pier</em>.</figcaption>');
    expect(html).not.toContain('AAAAAAAA');
    expectValidNinjs(parsed);
  });

  it('keeps mixed content in order and turns NITF inline markup into HTML', () => {
    const parsed = parseNitf(
      nitf({
        content: `<p>Text <em>bold</em> more <q>quoted</q><br/>next <a href="https://example.com/a?b=1&amp;c=2">link</a>
          <a href="javascript:alert(1)">bad</a> <person>Ann</person>.</p><block><hl2>Part two</hl2><p>Two.</p></block>`,
      }),
    );
    const [html, text] = parsed.article.bodies ?? [];
    expect(html?.value).toBe(
      '<p>Text <em>bold</em> more "quoted"<br>next <a href="https://example.com/a?b=1&amp;c=2">link</a> <a>bad</a> Ann.</p><h2>Part two</h2><p>Two.</p>',
    );
    expect(text?.value).toBe('Text bold more "quoted"\n\nnext link bad Ann.\n\nPart two\n\nTwo.');
  });

  it('warns, without throwing, about a document with no headline at all', () => {
    const xml = nitf().replace('<title>Fallback title</title>', '');
    const parsed = parseNitf(xml);
    expect(parsed.article.headlines).toBeUndefined();
    expect(parsed.warnings).toContain('document has neither hl1 nor title');
    expectValidNinjs(parsed);
  });

  it('falls back to head/title and reads hl2 as a sub headline', () => {
    expect(parseNitf(nitf()).article.headlines).toEqual([
      { role: 'main', value: 'Fallback title' },
    ]);
    const parsed = parseNitf(
      nitf({ bodyHead: '<hedline><hl1>Main</hl1><hl2>Second <em>line</em></hl2></hedline>' }),
    );
    expect(parsed.article.headlines).toEqual([
      { role: 'main', value: 'Main' },
      { role: 'sub', value: 'Second line' },
    ]);
  });

  it('reads the place of a dateline from its location, without the story date', () => {
    const withLocation = nitf({
      bodyHead:
        '<dateline><location><city>Oslo</city></location>, <story.date norm="20230203">Feb. 3</story.date></dateline>',
    });
    expect(parseNitf(withLocation).article.located).toBe('Oslo');
    const plain = nitf({
      bodyHead: '<dateline>BERGEN, <story.date>Feb. 3</story.date> -</dateline>',
    });
    expect(parseNitf(plain).article.located).toBe('BERGEN');
  });

  it('reads a document whose elements carry a namespace prefix', () => {
    const xml = nitf({
      bodyHead: '<hedline><hl1>Prefixed</hl1></hedline>',
      docdata: '<urgency ed-urg="3"/>',
    })
      .replace(/<(\/?)([a-z][\w.-]*)/g, '<$1n:$2')
      .replace('<n:nitf ', '<n:nitf xmlns:n="http://iptc.org/std/NITF/2006-10-18/" ');
    const parsed = parseNitf(xml);
    expect(parsed.article.headlines?.[0]?.value).toBe('Prefixed');
    expect(parsed.article.urgency).toBe(3);
    expect(parsed.article.language).toBe('en-GB');
    expect(parsed.source.guid).toBe('test-doc-1');
    expect(parsed.article.bodies?.[0]?.value).toBe('<p>Body.</p>');
  });
});
