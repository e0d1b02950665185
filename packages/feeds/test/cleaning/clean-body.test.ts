import { describe, expect, it } from 'vitest';
import { canonicalLink, cleanBodyHtml } from '../../src/index.js';

describe('cleanBodyHtml', () => {
  it('finds English datelines in their common shapes', () => {
    for (const [html, place, rest] of [
      ['<p>WASHINGTON-- The US said.</p>', 'WASHINGTON', 'The US said.'],
      ['<p>SEOUL, Feb. 1 (Yonhap) -- Exports fell.</p>', 'SEOUL', 'Exports fell.'],
      ['<p>NEW YORK, March 3 (AFP) - Stocks rose.</p>', 'NEW YORK', 'Stocks rose.'],
    ] as const) {
      const cleaned = cleanBodyHtml(html);
      expect(cleaned.located).toBe(place);
      expect(cleaned.html).toBe(`<p>${rest}</p>`);
    }
  });

  it('finds Korean datelines with and without the reporter', () => {
    expect(cleanBodyHtml('<p>(서울=연합뉴스) 홍길동 기자 = 정부는 밝혔다.</p>')).toMatchObject({
      located: '서울',
      html: '<p>정부는 밝혔다.</p>',
    });
    expect(cleanBodyHtml('<p>(워싱턴=연합뉴스) 미국은 밝혔다.</p>').located).toBe('워싱턴');
  });

  it('does not mistake an ordinary first sentence for a dateline', () => {
    const cleaned = cleanBodyHtml('<p>The US said on Thursday -- again -- that it was ready.</p>');
    expect(cleaned.located).toBeUndefined();
    expect(cleaned.html).toBe('<p>The US said on Thursday -- again -- that it was ready.</p>');
  });

  it('recognises the closing credit and the Korean end mark', () => {
    expect(cleanBodyHtml('<p>A.</p><p>Last words. (Yonhap)</p>')).toMatchObject({
      credit: 'Yonhap',
      html: '<p>A.</p><p>Last words.</p>',
    });
    expect(cleanBodyHtml('<p>마지막 문장이다. (끝)</p>').html).toBe('<p>마지막 문장이다.</p>');
  });

  it('removes navigation boilerplate but not a paragraph that only mentions it', () => {
    const cleaned = cleanBodyHtml(
      '<p><a href="#top">Back To Top</a></p><p>Go back to top of the list.</p>',
    );
    expect(cleaned.html).toBe('<p>Go back to top of the list.</p>');
  });
});

describe('canonicalLink', () => {
  it('drops fragments and tracking parameters but keeps the rest', () => {
    expect(
      canonicalLink(
        'https://en.yna.co.kr/view/AEN1?input=rss&section=news&page=2&utm_source=x#top',
      ),
    ).toBe('https://en.yna.co.kr/view/AEN1?page=2');
  });

  it('leaves a link that is not a URL as it is, trimmed', () => {
    expect(canonicalLink(' not a url ')).toBe('not a url');
  });
});
