import { describe, expect, it } from 'vitest';
import { createMemoryStoryLedger, rankOf } from '../src/index.js';
import { storyLedgerContract } from './story-ledger-contract.js';

describe('in-memory story ledger', () => {
  storyLedgerContract(() => createMemoryStoryLedger());
});

describe('rankOf', () => {
  it('ranks by version time, then the source version number, then the number alone', () => {
    const t = Date.parse('2023-02-03T00:00:00Z');
    expect(rankOf('3', '2023-02-03T00:00:00Z')).toBe(t + 0.003);
    expect(rankOf('2.10', undefined)).toBe(2.1);
    expect(rankOf('v3', '2023-02-03T00:00:00.000Z')).toBe(t);
    expect(rankOf(undefined, undefined)).toBe(0);
  });

  it('orders versions of one time by number, and a later time above any number', () => {
    const t = '2023-02-03T00:00:00Z';
    expect(rankOf('2', t)).toBeGreaterThan(rankOf('1', t));
    expect(rankOf('999', t)).toBeGreaterThan(rankOf('998', t));
    expect(rankOf('1', '2023-02-03T00:00:00.001Z')).toBeGreaterThan(rankOf('5000', t));
  });
});
