import { describe, expect, it } from 'vitest';
import { createMemoryStoryLedger, rankOf } from '../src/index.js';
import { storyLedgerContract } from './story-ledger-contract.js';

describe('in-memory story ledger', () => {
  storyLedgerContract(() => createMemoryStoryLedger());
});

describe('rankOf', () => {
  it('prefers the source version number, then the version time, then nothing', () => {
    expect(rankOf('3', '2023-02-03T00:00:00Z')).toBe(3);
    expect(rankOf('2.10', undefined)).toBe(2.1);
    expect(rankOf('v3', '2023-02-03T00:00:00.000Z')).toBe(Date.parse('2023-02-03T00:00:00.000Z'));
    expect(rankOf(undefined, undefined)).toBe(0);
  });
});
