import { readFileSync } from 'node:fs';
import { createIptcNinjsValidator, samplePath } from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import { ParseError, parseDocument } from '../src/index.js';

const context = { feedId: 'yna-en-news', fetchedAt: '2023-02-03T00:00:00.000Z' };
const sample = (file: string) => readFileSync(samplePath(file));

describe('parseDocument on RSS 2.0', () => {
  const result = parseDocument(sample('yonhap-en-news.xml'), context);
  const [seed] = result.articles;

  it('finds every item of the Yonhap feed', () => {
    expect(result.format).toBe('rss2');
    expect(result.articles).toHaveLength(3);
  });

  it('keeps headline, guid, link, byline, language and the publication time', () => {
    expect(seed?.article.headlines?.[0]?.value).toBe(
      'US remains ready to engage with N. Korea, but holding N. Korea accountable important: State Dept.',
    );
    expect(seed?.source.guid).toBe('AEN20230203000400315');
    expect(seed?.source.link).toBe('https://en.yna.co.kr/view/AEN20230203000400315');
    expect(seed?.article.by).toBe('Yonhap');
    expect(seed?.article.language).toBe('en');
    expect(seed?.article.versionCreated).toBe('2023-02-02T22:31:00.000Z');
  });

  it('gives the body as sanitized HTML and as plain text with entities decoded', () => {
    const [html, text] = seed?.article.bodies ?? [];
    expect(html?.contentType).toBe('text/html');
    expect(html?.value).toContain('<p>The United States remains ready');
    expect(text?.contentType).toBe('text/plain');
    expect(text?.value).toContain('"We have made clear time and again to the DPRK');
    expect(text?.value).toContain("Democratic People's Republic of Korea");
    expect(text?.value).not.toMatch(/<|&quot;|&#x27;/);
    expect(text?.wordCount).toBeGreaterThan(400);
  });

  it('produces articles that validate against IPTC ninjs 3.1 once given a uri', () => {
    const validate = createIptcNinjsValidator();
    for (const parsed of result.articles) {
      expect(validate({ uri: 'urn:wire:test:1', ...parsed.article })).toEqual([]);
    }
  });

  it('decodes an EUC-KR feed by its XML declaration', () => {
    const korean = parseDocument(sample('yonhap-ko-politics-euckr.xml'), context);
    expect(korean.charset).toBe('euc-kr');
    expect(korean.articles[0]?.article.headlines?.[0]?.value).toMatch(/[가-힣]/);
  });
});

describe('parseDocument on bad input', () => {
  const bytes = (text: string) => Buffer.from(text, 'utf8');
  const codeOf = (text: string) => {
    try {
      parseDocument(bytes(text), context);
      return 'parsed';
    } catch (err) {
      return (err as ParseError).code;
    }
  };

  it('refuses a DTD that declares entities (billion laughs) before parsing', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><rss><channel><title>&lol2;</title></channel></rss>`;
    expect(codeOf(laughs)).toBe('XML_DTD_REFUSED');
  });

  it('names malformed XML, unknown formats and empty documents', () => {
    expect(codeOf('<rss><channel></rss>')).toBe('XML_MALFORMED');
    expect(codeOf('<html><body/></html>')).toBe('FORMAT_UNKNOWN');
    expect(() => parseDocument(new Uint8Array(), context)).toThrow(ParseError);
  });

  it('keeps an id with leading zeros as a string', () => {
    const feed =
      '<rss version="2.0"><channel><item><title>t</title><guid>00123</guid></item></channel></rss>';
    expect(parseDocument(bytes(feed), context).articles[0]?.source.guid).toBe('00123');
  });

  it('strips script and event handlers from bodies', () => {
    const feed = `<rss version="2.0"><channel><item><title>t</title><guid>g</guid><description><![CDATA[<p onclick="x()">hi</p><script>alert(1)</script><a href="javascript:alert(1)">l</a>]]></description></item></channel></rss>`;
    const html = parseDocument(bytes(feed), context).articles[0]?.article.bodies?.[0]?.value;
    expect(html).toBe('<p>hi</p><a>l</a>');
  });
});
