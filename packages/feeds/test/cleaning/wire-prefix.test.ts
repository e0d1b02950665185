import type { SourceSignal } from '@wire/schema';
import { describe, expect, it } from 'vitest';
import { type FilingStage, splitWirePrefix } from '../../src/index.js';

describe('splitWirePrefix', () => {
  it.each<[string, string, string, SourceSignal, boolean, FilingStage | undefined]>([
    [
      '(URGENT) N. Korea fires missile',
      'N. Korea fires missile',
      '(URGENT)',
      'none',
      true,
      'flash',
    ],
    ['(LEAD) Story', 'Story', '(LEAD)', 'update', false, 'follow-up'],
    ['(2nd LD) Story', 'Story', '(2nd LD)', 'update', false, 'follow-up'],
    ['(3rd LD) Story', 'Story', '(3rd LD)', 'update', false, 'follow-up'],
    ['(News Focus) Story', 'Story', '(News Focus)', 'none', false, undefined],
    ['(Yonhap Interview) Story', 'Story', '(Yonhap Interview)', 'none', false, undefined],
    ['(Correction) Story', 'Story', '(Correction)', 'correction', false, undefined],
    [
      '(LEAD) (Yonhap Interview) Story',
      'Story',
      '(LEAD) (Yonhap Interview)',
      'update',
      false,
      'follow-up',
    ],
    ['(속보) 북한 미사일', '북한 미사일', '(속보)', 'none', true, 'flash'],
    ['(종합) 북한 미사일', '북한 미사일', '(종합)', 'update', false, 'follow-up'],
    ['[종합2보] 북한 미사일', '북한 미사일', '[종합2보]', 'update', false, 'follow-up'],
    ['(KILL) Story', 'Story', '(KILL)', 'kill', false, undefined],
    ['(WITHDRAWN) (LEAD) Story', 'Story', '(WITHDRAWN) (LEAD)', 'kill', false, 'follow-up'],
    ['(삭제) 북한 미사일', '북한 미사일', '(삭제)', 'kill', false, undefined],
    [
      'CORRECTED-S. Illinois battles flooding',
      'S. Illinois battles flooding',
      'CORRECTED-',
      'correction',
      false,
      undefined,
    ],
    [
      'UPDATE 2-Primeira Liga Results',
      'Primeira Liga Results',
      'UPDATE 2-',
      'update',
      false,
      'follow-up',
    ],
    ['REFILE-UPDATE 1-Oil rises', 'Oil rises', 'REFILE- UPDATE 1-', 'update', false, 'follow-up'],
    ['URGENT - Séisme au Japon', 'Séisme au Japon', 'URGENT -', 'none', true, 'flash'],
    ['ALERTE - Séisme au Japon', 'Séisme au Japon', 'ALERTE -', 'none', true, 'flash'],
    ['WRAPUP 1-Markets fall', 'Markets fall', 'WRAPUP 1-', 'update', false, 'follow-up'],
    ['快讯：韩国宪法法院宣判', '韩国宪法法院宣判', '快讯：', 'none', true, 'flash'],
    ['详讯：韩国宪法法院宣判', '韩国宪法法院宣判', '详讯：', 'update', false, 'follow-up'],
    ['简讯 韩国宪法法院宣判', '韩国宪法法院宣判', '简讯', 'update', false, 'follow-up'],
    ['【快讯】韩国宪法法院宣判', '韩国宪法法院宣判', '【快讯】', 'none', true, 'flash'],
    ['韩国宪法法院宣判（综合）', '韩国宪法法院宣判', '（综合）', 'update', false, 'follow-up'],
    ['【速報】日銀が利上げ', '日銀が利上げ', '【速報】', 'none', true, 'flash'],
    ['日銀が利上げ(2報)', '日銀が利上げ', '(2報)', 'update', false, 'follow-up'],
    ['詳報：日銀が利上げ', '日銀が利上げ', '詳報：', 'update', false, 'follow-up'],
    ['再送-英裁判所、支払い命令', '英裁判所、支払い命令', '再送-', 'update', false, 'follow-up'],
    ['再送米メタ訴訟の審理開始', '米メタ訴訟の審理開始', '再送', 'update', false, 'follow-up'],
    [
      '訂正-エアバス、出社義務化を緩和',
      'エアバス、出社義務化を緩和',
      '訂正-',
      'correction',
      false,
      undefined,
    ],
    [
      '코스피 역대 최대 순매도(상보)',
      '코스피 역대 최대 순매도',
      '(상보)',
      'update',
      false,
      'follow-up',
    ],
    ['[속보] 尹 비상계엄 선포', '尹 비상계엄 선포', '[속보]', 'none', true, 'flash'],
    ['尹 비상계엄 선포(종합2보)', '尹 비상계엄 선포', '(종합2보)', 'update', false, 'follow-up'],
    [
      '[속보] 尹 비상계엄 선포(종합)',
      '尹 비상계엄 선포',
      '[속보] (종합)',
      'update',
      true,
      'follow-up',
    ],
  ])('reads %j', (input, headline, prefix, signal, urgent, stage) => {
    const { resent: _, ...split } = splitWirePrefix(input);
    expect(split).toEqual({
      headline,
      prefix,
      signal,
      urgent,
      ...(stage && { stage }),
    });
  });

  it.each([
    ['REFILE-UPDATE 1-Oil rises', 'Oil rises'],
    ['RPT-Oil rises', 'Oil rises'],
    ['(REFILE) Oil rises', 'Oil rises'],
    ['再送-英裁判所、支払い命令', '英裁判所、支払い命令'],
    ['再送米メタ訴訟の審理開始', '米メタ訴訟の審理開始'],
    ['(재송) 북한 미사일', '북한 미사일'],
    ['북한 미사일(종합)(재송)', '북한 미사일'],
  ])('says %j is a re-send of an earlier item, a later filing', (input, headline) => {
    expect(splitWirePrefix(input)).toMatchObject({
      headline,
      stage: 'follow-up',
      signal: 'update',
      resent: true,
    });
  });

  it.each([
    '(LEAD) Story',
    'UPDATE 1-Oil rises',
    '[속보] 尹 비상계엄 선포(종합)',
    '詳報：日銀が利上げ',
  ])('says %j is no re-send', (input) => {
    expect(splitWirePrefix(input).resent).toBeUndefined();
  });

  it.each([
    'Update: the new rules',
    'NATO - allies meet',
    'US-China talks resume',
    'FLASHPOINT - x',
    '快讯的价值',
    '韩国(首尔)天气',
    '(종합)',
    '訂正申請が急増',
  ])('leaves %j alone: not an agency marker', (headline) => {
    expect(splitWirePrefix(headline)).toEqual({ headline, signal: 'none', urgent: false });
  });

  it('leaves a headline that merely starts with a parenthesis alone', () => {
    expect(splitWirePrefix('(Not a prefix) but a headline')).toEqual({
      headline: '(Not a prefix) but a headline',
      signal: 'none',
      urgent: false,
    });
  });
});
