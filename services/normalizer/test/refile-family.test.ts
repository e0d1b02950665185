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
});
