import { describe, expect, it } from 'vitest';
import {
  defaultFamilySettings,
  type Filing,
  familyOf,
  familyScore,
  filingTextOf,
} from '../src/index.js';

const hour = 3_600_000;
const filing = (
  uri: string,
  at: number,
  headline: string,
  body = '',
  stage?: Filing['stage'],
): Filing => ({ uri, story: uri, at, stage, text: filingTextOf(headline, body) });

describe('filingTextOf', () => {
  it('gives words, CJK bigrams and numbers, and reads an untitled flash by its first sentence', () => {
    expect(filingTextOf('N. Korea fires 2 missiles', '').headline).toEqual([
      'n',
      'korea',
      'fires',
      '2',
      'missiles',
    ]);
    expect(filingTextOf('尹锡悦宣布紧急戒严', '').headline).toContain('戒严');
    const untitled = filingTextOf('', '财联社5月22日电，IMAX探索出售。已接洽多家公司。');
    expect(untitled.headline).toContain('imax');
    expect(untitled.headline).not.toContain('财联');
    expect(filingTextOf('KOSPI 2,500.12', '').numbers).toEqual(['2500.12']);
  });
});

describe('familyScore', () => {
  const flash = filing('a', 0, '尹锡悦宣布紧急戒严', '', 'flash');

  it('joins a detailed filing to its flash', () => {
    const detailed = filing(
      'b',
      hour,
      '韩国总统尹锡悦宣布实施紧急戒严',
      '韩国总统尹锡悦3日晚发表紧急谈话，宣布实施紧急戒严。',
      'follow-up',
    );
    expect(familyScore(flash, detailed, defaultFamilySettings)).toBeGreaterThan(0);
    expect(familyOf(detailed, [flash], defaultFamilySettings)?.story).toBe('a');
  });

  it('keeps apart filings outside the window, and a second flash with a new fact', () => {
    const late = filing('b', 13 * hour, '尹锡悦宣布紧急戒严', '', 'follow-up');
    expect(familyScore(flash, late, defaultFamilySettings)).toBe(0);
    const lifted = filing('c', 3 * hour, '尹锡悦宣布解除紧急戒严', '', 'flash');
    expect(familyScore(flash, lifted, defaultFamilySettings)).toBe(0);
  });

  it('keeps apart a market open and close, and two readings of one figure', () => {
    const open = filing('o', 0, '[코스피] 52.17포인트(0.98%) 오른 5350.21 출발');
    const close = filing('c', 6 * hour, '[코스피] 3.65포인트(0.07%) 오른 5301.69 마감');
    expect(familyScore(open, close, defaultFamilySettings)).toBe(0);
    const noon = filing('n', 0, '财联社5月14日午间新闻精选');
    const evening = filing('e', 9 * hour, '财联社5月14日晚间新闻精选');
    expect(familyScore(noon, evening, defaultFamilySettings)).toBe(0);
    const first = filing('x', 0, '', '财联社5月14日电，截至目前，南向资金净卖出额达50亿港元。');
    const second = filing('y', hour, '', '财联社5月14日电，截至目前，南向资金净卖出额达70亿港元。');
    expect(familyScore(first, second, defaultFamilySettings)).toBe(0);
  });

  it('joins the same filing sent again without a marker, not a look-alike', () => {
    const again = filing('b', hour, '尹锡悦宣布紧急戒严');
    expect(familyScore(filing('a', 0, '尹锡悦宣布紧急戒严'), again, defaultFamilySettings)).toBe(1);
    const other = filing('c', hour, 'Seoul shares open higher on tech gains');
    expect(
      familyScore(
        filing('d', 0, 'Tokyo shares open higher on tech gains'),
        other,
        defaultFamilySettings,
      ),
    ).toBe(0);
  });

  it('joins a later filing that retells an untitled flash, figures and all, however it is headlined', () => {
    const flash = filing(
      'a',
      0,
      '',
      '财联社5月22日电，据报道，消息人士称，IMAX探索出售，已接洽多家娱乐公司作为潜在买家。',
    );
    const story = filing(
      'b',
      5 * 60_000,
      'IMAX美股盘后涨超17%',
      '财联社5月22日电，IMAX美股盘后涨超17%。消息人士称，IMAX探索出售，已接洽多家娱乐公司作为潜在买家。',
    );
    expect(familyScore(flash, story, defaultFamilySettings)).toBeGreaterThan(0);
    // The same template about another company is another story.
    const ipo = (uri: string, at: number, company: string, sponsor: string) =>
      filing(
        uri,
        at,
        '',
        `财联社5月27日电，利弗莫尔证券显示，${company}向港交所提交上市申请书，独家保荐人为${sponsor}。`,
      );
    const other = filing(
      'd',
      hour,
      '港股IPO：汉威科技集团股份有限公司递表港交所',
      '财联社5月27日电，利弗莫尔证券显示，汉威科技集团股份有限公司向港交所提交上市申请书，独家保荐人为中信建投国际。',
    );
    expect(familyScore(ipo('c', 0, '科望医药集团', '中信证券'), other, defaultFamilySettings)).toBe(
      0,
    );
    // A figure the later filing does not repeat is another reading.
    const reading = filing(
      'e',
      0,
      '',
      '财联社7月13日电，韩国KOSPI指数跌超2%，SK海力士跌近7%，三星电子跌1.58%。',
    );
    const later = filing(
      'f',
      hour,
      '韩国KOSPI指数跌幅扩大至7% SK海力士跌超12%',
      '财联社7月13日电，韩国KOSPI指数跌幅扩大至7%失守7000点。SK海力士跌超12%，三星电子跌近8%。',
    );
    expect(familyScore(reading, later, defaultFamilySettings)).toBe(0);
  });

  it('joins a run of flashes that share half their words both ways, within two hours', () => {
    const first = filing('a', 0, '2월도 수출 증가세…1~10일 44.4%↑', '', 'flash');
    const second = filing('b', 2 * 60_000, '2월 1~10일 반도체 수출 137.6%↑', '', 'flash');
    expect(familyScore(first, second, defaultFamilySettings)).toBeGreaterThan(0);
    expect(familyScore(first, { ...second, at: 3 * hour }, defaultFamilySettings)).toBe(0);
    const crash = filing('c', 0, '경북 영주서 F-16C 전투기 추락…산불로 번져', '', 'flash');
    const pilot = filing(
      'd',
      hour,
      '당국 "추락 전투기 조종사 발견…구조에 시간 걸릴듯"',
      '',
      'flash',
    );
    expect(familyScore(crash, pilot, defaultFamilySettings)).toBe(0);
  });
});
