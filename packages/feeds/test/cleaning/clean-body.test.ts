import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '@wire/testkit';
import fc from 'fast-check';
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

  it('recognises the credit and the end mark before any whitespace the patterns allow', () => {
    // Every character \s matches after them, as the patterns' \s*$ reads it.
    const spaces = [...'\t\n\v\f\r \u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'];
    for (const space of spaces) {
      expect(/^\s$/.test(space)).toBe(true);
      const credited = cleanBodyHtml(`<p>A.</p><p>Last words. (Yonhap)${space}${space}</p>`);
      expect(credited.credit, JSON.stringify(space)).toBe('Yonhap');
      expect(cleanBodyHtml(`<p>最后一句。（完）${space}</p>`).html).toBe('<p>最后一句。</p>');
    }
    // Anything else after them, and they stay.
    expect(cleanBodyHtml('<p>Last words. (Yonhap).</p>').credit).toBeUndefined();
    expect(cleanBodyHtml('<p>最后一句。（完）。</p>').html).toBe('<p>最后一句。（完）。</p>');
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

  // What the shortcuts (no fragment, no query: the URL as parsed) stand for.
  const byDefinition = (link: string) => {
    try {
      const url = new URL(link.trim());
      url.hash = '';
      for (const name of [...url.searchParams.keys()]) {
        if (/^(?:utm_.*|input|section|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid|from)$/i.test(name))
          url.searchParams.delete(name);
      }
      return url.toString();
    } catch {
      return link.trim();
    }
  };

  it('gives what clearing the fragment and every tracking parameter gives, on every link of the corpus', () => {
    const links = new Set<string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(xml|rss|atom|rdf)$/i.test(name))
          for (const [, link] of readFileSync(path, 'utf8').matchAll(
            /(?:<(?:link|guid|id|feedburner:origLink)[^>]*>|href=")([^<"]+)/g,
          ))
            links.add(link as string);
      }
    };
    walk(corpusDir);
    expect(links.size).toBeGreaterThan(3_000);
    for (const link of links) expect(canonicalLink(link), link).toBe(byDefinition(link));
  });

  it('gives the same on generated links, with empty fragments and queries', () => {
    const tail = fc.constantFrom(
      '',
      '#',
      '#top',
      '?',
      '?a=1',
      '?utm_source=x',
      '?a=1&ref=2#x',
      '?a b=c d',
      '?%41=1',
    );
    fc.assert(
      fc.property(fc.webUrl(), tail, tail, (url, one, two) => {
        const link = ` ${url}${one}${two} `;
        expect(canonicalLink(link)).toBe(byDefinition(link));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('cleanBodyHtml datelines in Chinese, Japanese and Korean copy', () => {
  it.each([
    [
      '新华社北京11月17日电 记者17日从国家卫生健康委获悉。',
      '北京',
      '记者17日从国家卫生健康委获悉。',
    ],
    ['新华社华盛顿12月3日电（记者 王明）美国政府3日表示。', '华盛顿', '美国政府3日表示。'],
    ['韩联社首尔12月3日电 韩国政府3日表示。', '首尔', '韩国政府3日表示。'],
    ['【ワシントン共同】米政府は3日、発表した。', 'ワシントン', '米政府は3日、発表した。'],
    ['【北京時事】中国政府は3日、発表した。', '北京', '中国政府は3日、発表した。'],
    ['【ロンドン＝岡田浩幸】１０日に行われた試合で。', 'ロンドン', '１０日に行われた試合で。'],
    ['[서울=뉴시스] 신정원 기자 = 정부는 밝혔다.', '서울', '정부는 밝혔다.'],
    ['(서울=뉴스1) 홍길동 기자 = 정부는 밝혔다.', '서울', '정부는 밝혔다.'],
    [
      '【파이낸셜뉴스 경산=김장욱 기자】개발도상국 인재들이 배운다.',
      '경산',
      '개발도상국 인재들이 배운다.',
    ],
  ])('%s', (lead, place, rest) => {
    const cleaned = cleanBodyHtml(`<p>${lead}</p>`);
    expect(cleaned.located).toBe(place);
    expect(cleaned.html).toBe(`<p>${rest}</p>`);
  });

  it.each([
    // A dateline without a place stays in the text: nothing to put in located.
    '财联社5月14日电，现货白银日内涨幅达3%。',
    '【6月18日 AFP】ナイジェリア北東部で16日夜。',
    // Capitals and a hyphen open many names.
    'NH-Amundi자산운용은 지난달 29일 위원회를 열었다.',
    'AH-1S 코브라 헬기 [사진=육군] 군 헬기가 9일 비상착륙했다.',
    // A picture's credit is no dateline.
    '[사진=연합뉴스] 8일 경북 경주시에서 산불이 났다.',
    '[그래픽=아주경제] 국내 증시 시가총액이 늘었다.',
    // A bracketed headline is no dateline either.
    '【纽约期银日内大涨5%】财联社5月14日电，现货白银日内涨幅达3%。',
  ])('leaves %s as it is', (lead) => {
    const cleaned = cleanBodyHtml(`<p>${lead}</p>`);
    expect(cleaned.located).toBeUndefined();
    expect(cleaned.html).toBe(`<p>${lead}</p>`);
  });

  it('takes the Chinese end mark off as the Korean one', () => {
    expect(cleanBodyHtml('<p>最后一句。（完）</p>').html).toBe('<p>最后一句。</p>');
  });
});

describe('cleanBodyHtml on what an article page sets around the story', () => {
  it("takes off the page's time stamp lines", () => {
    for (const stamp of [
      '송고시간 2023-12-01 09:00',
      'Issued on: 28/09/2023 - 10:12',
      '2023-12-11 16:02:38 来源：新华网',
    ]) {
      expect(cleanBodyHtml(`<p>${stamp}</p><p>The story.</p>`).html).toBe('<p>The story.</p>');
    }
  });

  it("takes off the closing e-mail, copyright and editor's lines, from the end only", () => {
    const cleaned = cleanBodyHtml(
      '<p>Copyright law changed.</p><p>The story.</p><p>dajeong@yna.co.kr</p>' +
        '<p>&lt;저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지&gt;</p>',
    );
    expect(cleaned.html).toBe('<p>Copyright law changed.</p><p>The story.</p>');
    expect(cleanBodyHtml('<p>故事。</p><p>【责任编辑：王明】</p>').html).toBe('<p>故事。</p>');
    // AFP's desk sign-off is the agency's copy; a one-paragraph body is the story.
    expect(cleanBodyHtml('<p>The story.</p><p>apo/rjm</p>').html).toBe(
      '<p>The story.</p><p>apo/rjm</p>',
    );
    expect(cleanBodyHtml('<p>dajeong@yna.co.kr</p>').html).toBe('<p>dajeong@yna.co.kr</p>');
  });

  it('takes off a first block that repeats the headline, and nothing else', () => {
    const page = '<h1>Fed holds rates</h1><p>The Fed held rates.</p>';
    expect(cleanBodyHtml(page, { headline: 'Fed  holds rates' }).html).toBe(
      '<p>The Fed held rates.</p>',
    );
    expect(cleanBodyHtml(page, { headline: 'Fed holds' }).html).toBe(page);
    expect(cleanBodyHtml(page).html).toBe(page);
  });

  it('reads a dateline in any case when the agency follows the place', () => {
    const cleaned = cleanBodyHtml("<p>Geneva (AFP) – Switzerland's glaciers shrank.</p>");
    expect(cleaned.located).toBe('Geneva');
    expect(cleaned.html).toBe("<p>Switzerland's glaciers shrank.</p>");
  });
});
