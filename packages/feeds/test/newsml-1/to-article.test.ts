import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/index.js';
import { expectValidNinjs, newsItem, newsMl, only, parseNewsMl } from './parse-newsml.js';

describe('newsMl1ToArticle on hand-written documents', () => {
  it('signals a kill for Status Canceled', () => {
    const parsed = only(newsMl(newsItem({ management: '<Status FormalName="Canceled"/>' })));
    expect(parsed.article.pubStatus).toBe('canceled');
    expect(parsed.signal).toBe('kill');
    expectValidNinjs(parsed);
  });

  it('signals a correction for a Rectify or Correction Instruction, and an update for Update', () => {
    const revision = '<RevisionId PreviousRevision="1" Update="N">2</RevisionId>';
    const status = '<Status FormalName="Usable"/>';
    const rectify = only(
      newsMl(newsItem({ revision, management: `${status}<Instruction FormalName="Rectify"/>` })),
    );
    expect(rectify.signal).toBe('correction');
    expect(rectify.source.version).toBe('2');
    const correction = only(
      newsMl(newsItem({ management: `${status}<Instruction FormalName="Correction"/>` })),
    );
    expect(correction.signal).toBe('correction');
    const update = only(
      newsMl(newsItem({ management: `${status}<Instruction FormalName="Update"/>` })),
    );
    expect(update.signal).toBe('update');
    expect(only(newsMl(newsItem({ revision }))).signal).toBe('update');
    expect(only(newsMl(newsItem())).signal).toBe('none');
  });

  it('holds an embargoed item until StatusWillChange and reads dates with their offsets', () => {
    const management = `<Status FormalName="Embargoed"/><StatusWillChange><FutureStatus FormalName="Usable"/>
      <DateAndTime>20230203T120000+0900</DateAndTime></StatusWillChange><Urgency FormalName="2"/>`;
    const parsed = only(newsMl(newsItem({ management })));
    expect(parsed.article.pubStatus).toBe('withheld');
    expect(parsed.article.embargoedUntil).toBe('2023-02-03T03:00:00.000Z');
    expect(parsed.article.firstCreated).toBe('2023-02-02T22:31:00.000Z');
    expect(parsed.article.versionCreated).toBe('2023-02-02T23:31:00.000Z');
    expect(parsed.article.urgency).toBe(2);
    expectValidNinjs(parsed);
  });

  it.each([
    ['bare bcNITF2.5 markup', '<p>First paragraph.</p><p>Second paragraph.</p>'],
    ['an NITF body element', '<body><p>First paragraph.</p><p>Second paragraph.</p></body>'],
    [
      'a whole NITF document',
      '<nitf><body><body.content><p>First paragraph.</p><p>Second paragraph.</p></body.content></body></nitf>',
    ],
    ['plain text', 'First paragraph.\n\nSecond paragraph.'],
  ])('gives the body of a bcNITF2.5 ContentItem holding %s', (_shape, data) => {
    const components = `<ContentItem><Format FormalName="bcNITF2.5"/>
      <DataContent>${data}</DataContent></ContentItem>`;
    const parsed = only(newsMl(newsItem({ components })));
    const html = parsed.article.bodies?.[0]?.value.replace(/>\s+</g, '><');
    expect(html).toBe('<p>First paragraph.</p><p>Second paragraph.</p>');
    expectValidNinjs(parsed);
  });

  it('reads a ContentItem with no format and no type for the text it holds (Belga)', () => {
    const components = `<ContentItem><Format FormalName=""/>
      <DataContent>Steven &lt;b&gt;Van Geel&lt;/b&gt; gaf zich aan.</DataContent></ContentItem>`;
    const parsed = only(newsMl(newsItem({ components })));
    expect(parsed.article.bodies?.[0]?.value).toBe('Steven <b>Van Geel</b> gaf zich aan.');
  });

  it("resolves a photo's relative Href against the document's address, else warns", () => {
    const components = `<NewsComponent><Role FormalName="Main"/><ContentItem><Format FormalName="XHTML"/>
        <DataContent><p>The story.</p></DataContent></ContentItem></NewsComponent>
      <NewsComponent Duid="photo0"><Role FormalName="Photo"/>
        <NewsComponent><Role FormalName="Caption"/><ContentItem><Format FormalName="bcNITF2.5"/>
          <DataContent><p>The caption.</p></DataContent></ContentItem></NewsComponent>
        <NewsComponent><Role FormalName="HighDef"/><ContentItem Href="9a09.jpg">
          <MediaType FormalName="Photo"/><MimeType FormalName="image/jpeg"/></ContentItem></NewsComponent>
      </NewsComponent>`;
    const xml = Buffer.from(newsMl(newsItem({ components })));
    const fetchedAt = '2024-01-01T00:00:00.000Z';
    const web = parseDocument(xml, {
      feedId: 'f',
      fetchedAt,
      url: 'https://agency.example/out/doc.xml',
    });
    expect(web.articles[0]?.article.associations?.[0]).toMatchObject({
      uri: 'https://agency.example/out/9a09.jpg',
      descriptions: [{ role: 'caption', value: 'The caption.' }],
    });
    const local = parseDocument(xml, { feedId: 'f', fetchedAt, url: 'file:///tmp/doc.xml' });
    expect(local.articles[0]?.article.associations).toBeUndefined();
    expect(local.articles[0]?.warnings).toContain(
      'photo component links to no web address; left out',
    );
  });

  it('takes a <media> in bcNITF2.5 markup for a picture with its caption', () => {
    const components = `<ContentItem><Format FormalName="bcNITF2.5"/><DataContent>
      <p>The story.</p>
      <media media-type="image"><media-reference source="https://example.com/p.jpg" mime-type="image/jpeg"/>
        <media-caption>The caption.</media-caption></media>
    </DataContent></ContentItem>`;
    const parsed = only(newsMl(newsItem({ components })));
    expect(parsed.article.associations).toEqual([
      expect.objectContaining({
        type: 'picture',
        uri: 'https://example.com/p.jpg',
        descriptions: [{ role: 'caption', contentType: 'text/plain', value: 'The caption.' }],
      }),
    ]);
    expect(parsed.article.bodies?.[0]?.value).toContain('<p>The story.</p>');
    expectValidNinjs(parsed);
  });

  it('gives each NewsItem of a message its own article and its own DataContent', () => {
    const { articles } = parseNewsMl(newsMl(newsItem({ id: 'FIRST' }), newsItem({ id: 'SECOND' })));
    expect(articles.map((a) => a.source.guid)).toEqual([
      'urn:newsml:example.com:20230203:FIRST',
      'urn:newsml:example.com:20230203:SECOND',
    ]);
    expect(articles.map((a) => a.article.bodies?.[0]?.value)).toEqual([
      '<p>Body of FIRST with <b>bold</b> text.</p>',
      '<p>Body of SECOND with <b>bold</b> text.</p>',
    ]);
  });

  it('reads the news lines: sub headline, byline, credit-free dateline place, slug, keywords', () => {
    const lines = `<HeadLine>Storm hits coast</HeadLine><SubHeadLine>Thousands without power</SubHeadLine>
      <ByLine>By Jane Roe</ByLine><DateLine>BERGEN, Feb. 3 (Example) -</DateLine><CreditLine>Example</CreditLine>
      <CopyrightLine>(c) Example 2023</CopyrightLine><SlugLine>WEATHER-STORM</SlugLine><KeywordLine>storm</KeywordLine>`;
    const parsed = only(newsMl(newsItem({ lines })));
    expect(parsed.article.headlines).toEqual([
      { role: 'main', value: 'Storm hits coast' },
      { role: 'sub', value: 'Thousands without power' },
    ]);
    expect(parsed.article.by).toBe('By Jane Roe');
    expect(parsed.article.located).toBe('BERGEN');
    expect(parsed.article.slugline).toBe('WEATHER-STORM');
    expect(parsed.article.copyrightNotice).toBe('(c) Example 2023');
    expect(parsed.article.subjects).toEqual([{ name: 'storm', rel: 'keyword' }]);
  });

  it('turns a plain-text ContentItem into paragraphs and rights metadata into the holder', () => {
    const components = `<RightsMetadata><Copyright><CopyrightHolder>Example Press</CopyrightHolder></Copyright></RightsMetadata>
      <DescriptiveMetadata><Language FormalName="nb"/><SubjectCode><SubjectMatter FormalName="04005000"/></SubjectCode></DescriptiveMetadata>
      <ContentItem><MediaType FormalName="Text"/><MimeType FormalName="text/plain"/>
        <DataContent><![CDATA[First <para>.

Second para & more.]]></DataContent></ContentItem>`;
    const parsed = only(newsMl(newsItem({ components })));
    expect(parsed.article.bodies?.[0]?.value).toBe(
      '<p>First &lt;para&gt;.</p>\n<p>Second para &amp; more.</p>',
    );
    expect(parsed.article.bodies?.[1]?.value).toBe('First <para>.\n\nSecond para & more.');
    expect(parsed.article.copyrightHolder).toBe('Example Press');
    expect(parsed.article.language).toBe('nb');
    expect(parsed.article.subjects).toEqual([
      { uri: 'http://cv.iptc.org/newscodes/subjectcode/04005000' },
    ]);
  });

  it('makes a NewsItem holding only a photo a picture with renditions and caption', () => {
    const components = `<NewsComponent><Role FormalName="Photo"/><NewsLines><HeadLine>Waves hit the pier</HeadLine></NewsLines>
      <ContentItem Href="https://img.example.com/p.jpg"><MediaType FormalName="Photo"/><MimeType FormalName="image/jpeg"/>
        <Characteristics><Property FormalName="Width" Value="800"/><Property FormalName="Height" Value="600"/></Characteristics></ContentItem>
      </NewsComponent>`;
    const parsed = only(newsMl(newsItem({ components })));
    expect(parsed.article.type).toBe('picture');
    expect(parsed.article.renditions).toEqual([
      {
        name: 'photo',
        href: 'https://img.example.com/p.jpg',
        contentType: 'image/jpeg',
        width: 800,
        height: 600,
      },
    ]);
    expect(parsed.article.descriptions).toEqual([
      { role: 'caption', contentType: 'text/plain', value: 'Waves hit the pier' },
    ]);
    expect(parsed.article.bodies).toBeUndefined();
    expectValidNinjs(parsed);
  });

  it('warns, without throwing, about an item with no headline and a document with no item', () => {
    const parsed = only(newsMl(newsItem({ lines: '' })));
    expect(parsed.article.headlines).toBeUndefined();
    expect(parsed.warnings).toContain('NewsItem has no HeadLine');
    expect(parseNewsMl(newsMl()).warnings).toEqual(['document has no NewsItem']);
  });
});
