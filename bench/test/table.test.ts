import { describe, expect, it } from 'vitest';
import { figure } from '../src/harness.js';
import { formatNumber, formatRatio, formatTable } from '../src/table.js';
import { checkTarget } from '../src/targets.js';

describe('formatNumber', () => {
  it('keeps three significant digits and groups thousands', () => {
    expect(formatNumber(1234567)).toBe('1,230,000');
    expect(formatNumber(2.3456)).toBe('2.35');
    expect(formatNumber(0.012345)).toBe('0.0123');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(Number.NaN)).toBe('n/a');
  });
});

describe('formatRatio', () => {
  it('writes a ratio as a multiple, or n/a without one', () => {
    expect(formatRatio(0.5)).toBe('0.500×');
    expect(formatRatio(null)).toBe('n/a');
  });
});

describe('formatTable', () => {
  it('prints one Markdown row per figure with its reference and ratio', () => {
    const table = formatTable([
      figure('parse RSS: wire', 2.5, 'MB/s', 'fast-xml-parser alone, MB/s', 10, '800 articles/s'),
    ]);
    expect(table.split('\n')).toEqual([
      '| figure          | value     | reference (same run)              | ratio  | note           |',
      '| --------------- | --------- | --------------------------------- | ------ | -------------- |',
      '| parse RSS: wire | 2.50 MB/s | fast-xml-parser alone, MB/s: 10.0 | 0.250× | 800 articles/s |',
      '',
    ]);
  });

  it('escapes a pipe inside a cell', () => {
    expect(formatTable([figure('a|b', 1, 'x', 'y', 1)])).toContain('| a\\|b   |');
  });
});

describe('checkTarget', () => {
  const figures = [figure('rate', 3, 'x', 'ceiling', 10), figure('cost', 8, 'x', 'target', 0.2)];

  it('meets an at-least target when the ratio reaches it', () => {
    const outcome = checkTarget({ name: 't', figure: 'rate', threshold: 0.25 }, figures);
    expect(outcome.met).toBe(true);
    expect(outcome.margin).toBeCloseTo(1.2);
  });

  it('misses an at-most target when the ratio is above it, by the factor', () => {
    const outcome = checkTarget({ name: 't', figure: 'cost', threshold: 1, atMost: true }, figures);
    expect(outcome.met).toBe(false);
    expect(outcome.margin).toBeCloseTo(1 / 40);
  });

  it('reports a figure that was not measured as such', () => {
    expect(checkTarget({ name: 't', figure: 'absent', threshold: 1 }, figures).met).toBeNull();
  });
});
