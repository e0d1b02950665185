// A feed item completed from its article page, as properties over every collected
// page (fixtures/article-pages/anchors.json): the item keeps who it is (guid, link,
// headline), its body becomes the page's story, whole and without the page's
// chrome, and the page reads the same whatever charset it is served in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/errors.js';
import { completeItem } from '../../src/full-text/complete-item.js';
import { decodePage } from '../../src/full-text/decode-page.js';
import { isLead } from '../../src/full-text/is-lead.js';
import { canonicalLink } from '../../src/text/canonical-link.js';

interface PageAnchors {
  page: string;
  url: string;
  language: string;
  publisher: string;
  first: string;
  last: string;
  chrome: string[];
  captions: string[];
}

const pagesDir = join(import.meta.dirname, '../fixtures/article-pages');
const anchors: PageAnchors[] = JSON.parse(readFileSync(join(pagesDir, 'anchors.json'), 'utf8'));
const page = (file: string) => readFileSync(join(pagesDir, file));
const flat = (text: string) => text.replace(/\s+/g, ' ');
const occurrences = (text: string, part: string) => flat(text).split(flat(part)).length - 1;
const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A one-item RSS document, as the ingester cuts an item out of its feed. */
const oneItem = (link: string, title: string, lead: string) =>
  '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>' +
  `<item><title>${escapeXml(title)}</title><link>${escapeXml(link)}</link><guid isPermaLink="false">item-1</guid>` +
  `<description>${escapeXml(lead)}</description><pubDate>Fri, 03 Feb 2023 07:31:00 +0900</pubDate>` +
  '<dc:creator>Desk</dc:creator></item></channel></rss>';

const context = (pageUrl: string, pageContentType = 'text/html; charset=utf-8') => ({
  feedId: 'f',
  fetchedAt: '2026-12-07T00:00:00Z',
  pageUrl,
  pageContentType,
});

const textOf = (bodies: { contentType?: string | undefined; value: string }[] | undefined) =>
  bodies?.find((b) => b.contentType === 'text/plain')?.value ?? '';

// The legacy charset each language's pages were served in before UTF-8.
const legacyCharset: Record<string, string> = {
  zh: 'gb18030',
  ja: 'shift_jis',
  ko: 'euc-kr',
  en: 'windows-1252',
  fr: 'windows-1252',
  de: 'windows-1252',
  es: 'windows-1252',
  lv: 'windows-1257',
};

describe.each(anchors)('$publisher ($language): $page', (anchor) => {
  const bytes = page(anchor.page);
  const item = oneItem(anchor.url, 'The item headline', 'One line of lead...');
  const [article] = completeItem(item, bytes, context(anchor.url)).articles;

  it('keeps who the item is: its guid, link and headline', () => {
    expect(article?.source.guid).toBe('item-1');
    expect(article?.source.link).toBe(canonicalLink(anchor.url));
    expect(article?.article.headlines?.[0]?.value).toBe('The item headline');
    expect(article?.article.by).toBe('Desk');
  });

  it("holds the page's whole story in place of the lead, and none of its chrome", () => {
    const text = textOf(article?.article.bodies);
    expect(flat(text)).toContain(flat(anchor.first));
    expect(flat(text)).toContain(flat(anchor.last));
    expect(text).not.toContain('One line of lead');
    for (const chrome of anchor.chrome) expect(text).not.toContain(chrome);
    for (const caption of anchor.captions)
      expect(occurrences(text, caption)).toBeLessThanOrEqual(1);
  });

  it('gives each picture an absolute address, once', () => {
    const uris = (article?.article.associations ?? []).map((a) => a.uri);
    for (const uri of uris) expect(uri).toMatch(/^https?:\/\//);
    expect(new Set(uris).size).toBe(uris.length);
  });

  it('reads the page the same served in its legacy charset, declared only in a meta tag', () => {
    const html = decodePage(bytes, 'text/html; charset=utf-8').text;
    const charset = legacyCharset[anchor.language] ?? 'windows-1252';
    const declared = html
      .replace(/<meta[^>]*charset[^>]*>/gi, '')
      .replace(/<head([^>]*)>/i, `<head$1><meta charset="${charset}">`);
    // Characters the legacy charset cannot hold are written as references, as such pages do.
    const legacy = iconv.encode(
      [...declared]
        .map((char) =>
          iconv.decode(iconv.encode(char, charset), charset) === char
            ? char
            : `&#${char.codePointAt(0)};`,
        )
        .join(''),
      charset,
    );
    const [again] = completeItem(item, legacy, context(anchor.url, 'text/html')).articles;
    expect(textOf(again?.article.bodies)).toBe(textOf(article?.article.bodies));
  });
});

describe('the Yonhap page written around the sample story', () => {
  const url = 'https://en.yna.co.kr/view/AEN20230203000400315';
  const bytes = page('written/yonhap-en-state-dept.html');
  const [article] = completeItem(
    oneItem(url, 'US remains ready to engage with N. Korea', 'The United States remains ready...'),
    bytes,
    context(url),
  ).articles;

  it('takes the dateline to located, the credit off the text, and keeps the caption once with its picture', () => {
    const text = textOf(article?.article.bodies);
    expect(article?.article.located).toBe('WASHINGTON');
    expect(text.trimEnd()).toMatch(/People's Republic of China\.$/);
    expect(text).not.toMatch(/Back To Top|\(Yonhap\)/);
    expect(occurrences(text, 'Ned Price is seen speaking')).toBe(1);
    expect(article?.article.associations).toEqual([
      expect.objectContaining({
        type: 'picture',
        uri: 'https://en.yna.co.kr/photo/yna/YH/2023/02/03/PYH2023020300010034000_P4.jpg',
        descriptions: [expect.objectContaining({ value: expect.stringContaining('Ned Price') })],
      }),
    ]);
  });

  it('refuses a page with no story, and an item document that is not one item', () => {
    const item = oneItem(url, 'A', 'B');
    const empty = Buffer.from('<html><body><nav><a href="/">Home</a></nav></body></html>');
    expect(() => completeItem(item, empty, context(url))).toThrow(ParseError);
    expect(() => completeItem(item, empty, context(url))).toThrow(
      /no story.*too-little-text|no story/,
    );
    const two = item.replace(/(<item>.*<\/item>)/, '$1$1');
    expect(() => completeItem(two, bytes, context(url))).toThrow(/not one item/);
    expect(() => completeItem(item, bytes, { ...context(url), selector: 'p[' })).toThrow(
      /selector-invalid/,
    );
  });
});

describe('isLead', () => {
  it('calls a short body or one cut off with an ellipsis a lead, and a story not', () => {
    expect(isLead('North Korea fired a ballistic missile, the military said.')).toBe(true);
    expect(isLead(`${'A long sentence of a story. '.repeat(20)}and more...`)).toBe(true);
    expect(isLead(`${'A long sentence of a story. '.repeat(20)}and more …`)).toBe(true);
    expect(isLead(`${'A long sentence of a story. '.repeat(20)}[…]`)).toBe(true);
    expect(isLead('A long sentence of a story. '.repeat(20))).toBe(false);
  });
});
