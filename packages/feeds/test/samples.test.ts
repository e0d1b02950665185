// The Yonhap-style samples in ../shared/samples behave as their README says.
import { readFileSync } from 'node:fs';
import { createIptcNinjsValidator, samplePath } from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import { type ParsedArticle, parseDocument } from '../src/index.js';

const context = { feedId: 'yna', fetchedAt: '2023-02-03T00:00:00.000Z' };
const parse = (file: string) => parseDocument(readFileSync(samplePath(file)), context);
const plain = (a: ParsedArticle | undefined) =>
  a?.article.bodies?.find((b) => b.contentType === 'text/plain')?.value ?? '';
const html = (a: ParsedArticle | undefined) =>
  a?.article.bodies?.find((b) => b.contentType === 'text/html')?.value ?? '';
const validate = createIptcNinjsValidator();

describe('yonhap-en-news.xml: the story as scraped web copy', () => {
  const [seed] = parse('yonhap-en-news.xml').articles;

  it('drops the "Back To Top" link', () => {
    expect(html(seed)).not.toMatch(/Back To Top/i);
  });

  it('keeps the photo caption once, in the figure, and offers the photo as an association', () => {
    const caption = 'State Department Press Secretary Ned Price is seen speaking';
    expect(plain(seed).split(caption)).toHaveLength(2);
    expect(html(seed)).toContain('<figcaption>State Department Press Secretary');
    expect(seed?.article.associations).toEqual([
      expect.objectContaining({
        type: 'picture',
        uri: 'https://img.yna.co.kr/photo/yna/YH/2023/02/03/PYH2023020300010034000_P4.jpg',
        descriptions: [
          { role: 'caption', value: expect.stringContaining('Ned Price is seen speaking') },
        ],
      }),
    ]);
  });

  it('moves the dateline into located and takes the closing credit off the text', () => {
    expect(seed?.article.located).toBe('WASHINGTON');
    expect(plain(seed)).toContain('\n\nThe United States remains ready to engage with North Korea');
    expect(plain(seed)).not.toContain('WASHINGTON--');
    expect(plain(seed).endsWith("PRC stands for the People's Republic of China.")).toBe(true);
  });

  it('reads SEOUL datelines with a date and credit, as in the other stories', () => {
    const [, parade] = parse('yonhap-en-news.xml').articles;
    expect(parade?.article.located).toBe('SEOUL');
    expect(plain(parade).startsWith('North Korea appears to be preparing')).toBe(true);
  });

  it('keeps every article valid against IPTC ninjs 3.1', () => {
    for (const parsed of parse('yonhap-en-news.xml').articles) {
      expect(validate({ uri: 'urn:test:x', ...parsed.article })).toEqual([]);
    }
  });
});

describe('yonhap-en-news-later.xml: the story re-filed as (LEAD)', () => {
  const [lead, original] = parse('yonhap-en-news-later.xml').articles;

  it('takes (LEAD) off the headline as a wire prefix that signals an update', () => {
    expect(lead?.article.headlines?.[0]?.value).toBe(
      'US remains ready to engage with N. Korea, but holding N. Korea accountable important: State Dept.',
    );
    expect(lead?.source.wirePrefix).toBe('(LEAD)');
    expect(lead?.signal).toBe('update');
    expect(original?.source.wirePrefix).toBeUndefined();
    expect(original?.signal).toBe('none');
  });

  it('takes the ATTN line out of the body as a signal', () => {
    expect(lead?.source.attn).toBe('UPDATES with remarks on Blinken trip in last 2 paras');
    expect(plain(lead)).not.toContain('ATTN');
  });

  it('gives the re-filed and the original story the same text once cleaned, but for the update', () => {
    expect(plain(lead)).toContain(plain(original).split('\n\n').at(-1) ?? 'missing');
  });
});

describe('yonhap-en-northkorea.xml: the same story in another section feed', () => {
  it('gives the seed story the same headline, text and canonical link as the news feed does', () => {
    const [inNews] = parse('yonhap-en-news.xml').articles;
    const [inNorthKorea] = parse('yonhap-en-northkorea.xml').articles;
    expect(inNorthKorea?.source.link).toBe(inNews?.source.link);
    expect(plain(inNorthKorea)).toBe(plain(inNews));
    expect(inNorthKorea?.article.headlines).toEqual(inNews?.article.headlines);
  });
});

describe('yonhap-ko-politics-euckr.xml: Korean copy in EUC-KR', () => {
  const result = parse('yonhap-ko-politics-euckr.xml');
  const [story, flash] = result.articles;

  it('decodes EUC-KR without replacement characters', () => {
    expect(result.charset).toBe('euc-kr');
    expect(JSON.stringify(result.articles)).not.toContain('\uFFFD');
  });

  it('moves the Korean dateline (워싱턴=연합뉴스) into located', () => {
    expect(story?.article.located).toBe('워싱턴');
    expect(plain(story).startsWith('미국 국무부는 북한과 외교적으로')).toBe(true);
  });

  it('takes (속보) off the headline and marks the flash as most urgent', () => {
    expect(flash?.article.headlines?.[0]?.value).toBe('북한, 동해상으로 탄도미사일 발사');
    expect(flash?.source.wirePrefix).toBe('(속보)');
    expect(flash?.article.urgency).toBe(1);
  });
});
