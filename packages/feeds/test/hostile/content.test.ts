// Hostile content (cases C1-C16 of docs/hostile-input.md): script in bodies, links
// that run code, huge descriptions and feeds, dates from nowhere, empty titles,
// repeated guids, pages that are not feeds. Articles come out clean or with a
// warning; nothing is dropped.
import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../../src/index.js';
import {
  bodyHtml,
  headline,
  item,
  outcomeOf,
  parse,
  rss,
  withHeapGrowth,
} from './hostile-helpers.js';

const escapeHtml = (html: string) =>
  html.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Every way into a body we know of that runs code, with one safe link to keep.
const attack = [
  '<p>Hello</p><script>alert(1)</script>',
  '<iframe src="https://evil.example/"></iframe><iframe srcdoc="&lt;script&gt;alert(2)&lt;/script&gt;"></iframe>',
  '<img src="x" onerror="alert(3)"><p onclick="alert(4)" style="background:url(javascript:alert(5))">styled</p>',
  '<a href="javascript:alert(6)">js</a><a href="JaVaScRiPt:alert(7)">mixed</a><a href="jav&#x09;ascript:alert(8)">tab</a><a href="  javascript:alert(9)">space</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxMCk8L3NjcmlwdD4=">data</a><img src="data:image/svg+xml,&lt;svg onload=alert(11)&gt;"><a href="vbscript:x">vb</a>',
  '<svg><script>alert(12)</script></svg><math><mi xlink:href="javascript:alert(13)">m</mi></math>',
  '<object data="x"></object><embed src="x"><form action="javascript:alert(14)"><input onfocus="alert(15)" autofocus></form>',
  '<noscript><p title="</noscript><img src=x onerror=alert(16)>"></noscript><style>body{}</style>',
  '<a href="https://ok.example/a">ok</a>',
].join('');

/** No element, attribute or URL scheme in any body's HTML that could run code. */
function expectInert(result: ParseResult) {
  expect(result.articles.length).toBeGreaterThan(0);
  for (const { article } of result.articles) {
    const html = article.bodies?.find((b) => b.contentType === 'text/html')?.value ?? '';
    expect(html).not.toMatch(/<(?:script|iframe|object|embed|form|input|svg|math|style|noscript)/i);
    expect(html).not.toMatch(/\son\w+\s*=/i);
    expect(html).not.toMatch(/(?:javascript|vbscript|data):/i);
    expect(html).not.toMatch(/\s(?:style|srcdoc|action)\s*=/i);
  }
}

describe('hostile content: script in bodies', () => {
  it('C1 removes script, iframe, event handlers and code links from an escaped description', () => {
    const result = parse(
      item(`<title>t</title><guid>g</guid><description>${escapeHtml(attack)}</description>`),
    );
    expectInert(result);
    expect(bodyHtml(result)).toContain('<a href="https://ok.example/a">ok</a>');
  });

  it('C2 does the same for CDATA and content:encoded, and the teaser is text', () => {
    const cdata = parse(
      item(`<title>t</title><guid>g</guid><description><![CDATA[${attack}]]></description>`),
    );
    const encoded = parse(
      `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><item><title>t</title><guid>g</guid><description>teaser &lt;script&gt;alert(1)&lt;/script&gt;</description><content:encoded><![CDATA[${attack}]]></content:encoded></item></channel></rss>`,
    );
    expectInert(cdata);
    expectInert(encoded);
    expect(encoded.articles[0]?.article.descriptions).toEqual([
      { role: 'summary', value: 'teaser' },
    ]);
  });

  it('C3 does the same for naked markup in the description', () => {
    const naked =
      '<p onclick="alert(1)">Hi <a href="javascript:alert(2)">x</a></p><iframe src="https://evil.example/"/>';
    expectInert(parse(item(`<title>t</title><guid>g</guid><description>${naked}</description>`)));
  });

  it('C4 does the same for Atom XHTML and HTML content', () => {
    const result = parse(
      `<feed xmlns="http://www.w3.org/2005/Atom"><id>f</id><title>f</title>
        <entry><id>e1</id><title>x</title><updated>2026-11-27T00:00:00Z</updated><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p onclick="x()">Hi</p><script>alert(1)</script><a href="javascript:y()">l</a><iframe src="https://evil.example/"/></div></content></entry>
        <entry><id>e2</id><title>y</title><updated>2026-11-27T00:00:00Z</updated><content type="html">${escapeHtml(attack)}</content></entry></feed>`,
    );
    expect(result.articles).toHaveLength(2);
    expectInert(result);
  });

  it('C5 does the same for a NITF body, where a script element leaves only inert text', () => {
    const result = parse(
      '<nitf><head><title>T</title><docdata><doc-id id-string="n1"/></docdata></head><body><body.head><hedline><hl1>Head</hl1></hedline></body.head><body.content><p>Text</p><script>alert(1)</script><p onclick="x()">more <a href="javascript:z()">l</a></p><iframe src="https://evil.example/"/></body.content></body></nitf>',
    );
    expectInert(result);
    expect(headline(result)).toBe('Head');
  });

  it('C5 does the same for NewsML 1.2 XHTML and NITF content, made safe in the one body pass', () => {
    const xhtml = `<ContentItem><MediaType FormalName="Text"/><Format FormalName="XHTML"/><DataContent><html xmlns="http://www.w3.org/1999/xhtml"><body><p onclick="x()">Hi</p><script>alert(1)</script><a href="javascript:y()">l</a><iframe src="https://evil.example/"/><svg><script>alert(2)</script></svg></body></html></DataContent></ContentItem>`;
    const nitf = `<ContentItem><MediaType FormalName="Text"/><Format FormalName="NITF"/><DataContent><nitf><body><body.content><p>Text</p><script>alert(3)</script><p onclick="x()">more <a href="vbscript:z()">l</a></p></body.content></body></nitf></DataContent></ContentItem>`;
    const newsItem = (id: string, content: string) =>
      `<NewsItem><Identification><NewsIdentifier><ProviderId>example.com</ProviderId><DateId>20230203</DateId><NewsItemId>${id}</NewsItemId><RevisionId PreviousRevision="0" Update="N">1</RevisionId></NewsIdentifier></Identification><NewsManagement><NewsItemType FormalName="News"/><FirstCreated>20230203T073100+0900</FirstCreated><ThisRevisionCreated>20230203T083100+0900</ThisRevisionCreated><Status FormalName="Usable"/></NewsManagement><NewsComponent><NewsLines><HeadLine>Head ${id}</HeadLine></NewsLines>${content}</NewsComponent></NewsItem>`;
    const result = parse(
      `<?xml version="1.0" encoding="UTF-8"?><NewsML Version="1.2"><NewsEnvelope><DateAndTime>20230203T083100+0900</DateAndTime></NewsEnvelope>${newsItem('X1', xhtml)}${newsItem('X2', nitf)}</NewsML>`,
    );
    expect(result.articles).toHaveLength(2);
    expectInert(result);
  });

  it('C6 keeps a headline plain: markup in a title goes, text that shows tags stays text', () => {
    const once = parse(
      item(
        '<title>&lt;script&gt;alert(1)&lt;/script&gt;Headline &lt;img src=x onerror=alert(2)&gt;</title><guid>g</guid>',
      ),
    );
    expect(headline(once)).toBe('Headline');
    // Escaped twice, the source shows the characters "<script>": a plain-text headline keeps them.
    const twice = parse(item('<title>&amp;lt;b&amp;gt; is bold</title><guid>g</guid>'));
    expect(headline(twice)).toBe('<b> is bold');
  });
});

describe('hostile content: links that run code', () => {
  it('C7 drops a javascript: item link with a warning, the article stays (it was kept as the link)', () => {
    const result = parse(
      item('<title>t</title><link>javascript:alert(1)</link><description>d</description>'),
    );
    expect(result.articles).toHaveLength(1);
    expect(result.articles[0]?.source.link).toBeUndefined();
    expect(result.articles[0]?.warnings).toContain(
      'link "javascript:alert(1)" runs script; dropped',
    );
  });

  it('C8 drops data: and disguised javascript: links (an RSS link, an Atom link) the same way', () => {
    const data = parse(
      item(
        '<title>t</title><guid>g</guid><link>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</link>',
      ),
    );
    expect(data.articles[0]?.source.link).toBeUndefined();
    expect(data.articles[0]?.warnings.join()).toMatch(/runs script; dropped/);
    const atom = parse(
      '<feed xmlns="http://www.w3.org/2005/Atom"><id>f</id><title>f</title><entry><id>e1</id><title>x</title><updated>2026-11-27T00:00:00Z</updated><link href=" java&#x09;script:alert(1)"/></entry></feed>',
    );
    expect(atom.articles[0]?.source.link).toBeUndefined();
    expect(atom.articles[0]?.warnings.join()).toMatch(/runs script; dropped/);
    const web = parse(item('<title>t</title><link>https://example.com/news/1</link>'));
    expect(web.articles[0]?.source.link).toBe('https://example.com/news/1');
  });

  it('C9 turns no javascript: or data: enclosure or media into a picture', () => {
    const result = parse(
      `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><item><title>t</title><guid>g</guid><enclosure url="javascript:alert(1)" type="image/jpeg"/><media:content url="data:image/png;base64,AAAA" medium="image"/><media:content url="https://img.example/1.jpg" medium="image"/></item></channel></rss>`,
    );
    const uris = (result.articles[0]?.article.associations ?? []).map((a) => a.uri);
    expect(uris).toEqual(['https://img.example/1.jpg']);
  });
});

describe('hostile content: size', () => {
  it('C10 reads a 10 MB description into one article in bounded memory', () => {
    const { result, grownMb } = withHeapGrowth(() => {
      const parsed = parse(
        item(
          `<title>t</title><guid>g</guid><description>${'word '.repeat(2_000_000)}</description>`,
        ),
      );
      const text = parsed.articles[0]?.article.bodies?.find((b) => b.contentType === 'text/plain');
      return { articles: parsed.articles.length, words: text?.wordCount };
    });
    expect(result).toEqual({ articles: 1, words: 2_000_000 });
    expect(grownMb).toBeLessThan(100);
  }, 120_000);

  it('C11 reads 100,000 items into 100,000 articles, guids in order, in bounded memory', () => {
    const items = Array.from(
      { length: 100_000 },
      (_, i) => `<item><title>T${i}</title><guid>g${i}</guid></item>`,
    );
    const { result, grownMb } = withHeapGrowth(() => {
      const guids = parse(rss(items.join(''))).articles.map((a) => a.source.guid);
      return {
        count: guids.length,
        first: guids[0],
        last: guids.at(-1),
        distinct: new Set(guids).size,
      };
    });
    expect(result).toEqual({ count: 100_000, first: 'g0', last: 'g99999', distinct: 100_000 });
    expect(grownMb).toBeLessThan(100);
  }, 120_000);
});

describe('hostile content: dates, titles, guids', () => {
  const dated = (date: string) =>
    parse(item(`<title>t</title><guid>g</guid><pubDate>${date}</pubDate>`)).articles[0];

  it('C12 keeps a far-future date with a warning', () => {
    const article = dated('Tue, 01 Jan 2199 00:00:00 GMT');
    expect(article?.article.versionCreated).toBe('2199-01-01T00:00:00.000Z');
    expect(article?.warnings.join()).toMatch(/far future/);
  });

  it('C13 leaves out absurd dates (year 9999, year 0, 1899) with a warning', () => {
    for (const date of [
      'Fri, 31 Dec 9999 23:59:59 GMT',
      '0000-00-00T00:00:00Z',
      '1899-12-31T23:59:59Z',
    ]) {
      const article = dated(date);
      expect(article?.article.versionCreated).toBeUndefined();
      expect(article?.warnings.join()).toMatch(/absurd date/);
    }
  });

  it('C14 leaves out impossible and unreadable dates (February 30, 100,000 digits, 1e308)', () => {
    expect(dated('2026-02-30T00:00:00Z')?.warnings.join()).toMatch(/invalid date/);
    for (const date of ['9'.repeat(100_000), '1e308']) {
      const article = dated(date);
      expect(article?.article.versionCreated).toBeUndefined();
      expect(article?.warnings.join()).toMatch(/unreadable date/);
    }
  });

  it('C15 keeps items with an empty, blank or missing title, with a warning', () => {
    const result = parse(
      rss(
        ['<title></title>', '<title> \t </title>', '', '<title><![CDATA[]]></title>']
          .map(
            (title, i) => `<item>${title}<guid>g${i}</guid><description>body</description></item>`,
          )
          .join(''),
      ),
    );
    expect(result.articles).toHaveLength(4);
    for (const article of result.articles) {
      expect(article.article.headlines).toBeUndefined();
      expect(article.warnings).toContain('item has no title');
    }
  });

  it('C16 keeps every item of a feed that repeats one guid, and takes no link from an id that is not a URL', () => {
    const result = parse(
      rss(
        ['A', 'B', 'A']
          .map((title) => `<item><title>${title}</title><guid>same</guid></item>`)
          .join(''),
      ),
    );
    expect(
      result.articles.map((a) => [a.article.headlines?.[0]?.value, a.source.guid, a.source.link]),
    ).toEqual([
      ['A', 'same', undefined],
      ['B', 'same', undefined],
      ['A', 'same', undefined],
    ]);
    const web = parse(
      item('<title>t</title><guid>https://example.com/news/1?utm_source=rss</guid>'),
    );
    expect(web.articles[0]?.source.link).toBe('https://example.com/news/1');
  });

  it('C17 refuses an HTML page as malformed and an XHTML page as an unknown format', () => {
    expect(
      outcomeOf(
        '<!DOCTYPE html><html><head><title>Hi</title></head><body><p>Not a feed<br></body></html>',
        {
          contentType: 'text/html',
        },
      ),
    ).toBe('XML_MALFORMED');
    expect(
      outcomeOf('<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Not a feed</p></body></html>'),
    ).toBe('FORMAT_UNKNOWN');
  });
});
