import { describe, expect, it } from 'vitest';
import { splitWirePrefix } from '../../src/index.js';

describe('splitWirePrefix', () => {
  it.each([
    ['(URGENT) N. Korea fires missile', 'N. Korea fires missile', '(URGENT)', 'none', true],
    ['(LEAD) Story', 'Story', '(LEAD)', 'update', false],
    ['(2nd LD) Story', 'Story', '(2nd LD)', 'update', false],
    ['(3rd LD) Story', 'Story', '(3rd LD)', 'update', false],
    ['(News Focus) Story', 'Story', '(News Focus)', 'none', false],
    ['(Yonhap Interview) Story', 'Story', '(Yonhap Interview)', 'none', false],
    ['(Correction) Story', 'Story', '(Correction)', 'correction', false],
    ['(LEAD) (Yonhap Interview) Story', 'Story', '(LEAD) (Yonhap Interview)', 'update', false],
    ['(속보) 북한 미사일', '북한 미사일', '(속보)', 'none', true],
    ['(종합) 북한 미사일', '북한 미사일', '(종합)', 'update', false],
    ['[종합2보] 북한 미사일', '북한 미사일', '[종합2보]', 'update', false],
    ['(KILL) Story', 'Story', '(KILL)', 'kill', false],
    ['(WITHDRAWN) (LEAD) Story', 'Story', '(WITHDRAWN) (LEAD)', 'kill', false],
    ['(삭제) 북한 미사일', '북한 미사일', '(삭제)', 'kill', false],
    [
      'CORRECTED-S. Illinois battles flooding',
      'S. Illinois battles flooding',
      'CORRECTED-',
      'correction',
      false,
    ],
    ['UPDATE 2-Primeira Liga Results', 'Primeira Liga Results', 'UPDATE 2-', 'update', false],
    ['REFILE-UPDATE 1-Oil rises', 'Oil rises', 'REFILE- UPDATE 1-', 'update', false],
    ['URGENT - Séisme au Japon', 'Séisme au Japon', 'URGENT -', 'none', true],
    ['ALERTE - Séisme au Japon', 'Séisme au Japon', 'ALERTE -', 'none', true],
    ['WRAPUP 1-Markets fall', 'Markets fall', 'WRAPUP 1-', 'update', false],
  ] as const)('reads %j', (input, headline, prefix, signal, urgent) => {
    expect(splitWirePrefix(input)).toEqual({ headline, prefix, signal, urgent });
  });

  it.each([
    'Update: the new rules',
    'NATO - allies meet',
    'US-China talks resume',
    'FLASHPOINT - x',
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
