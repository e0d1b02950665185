import { describe, expect, it } from 'vitest';
import { formatEventLine } from '../src/index.js';

const headers = { ce_type: 'dev.wire.article.updated.v1' };

describe('formatEventLine', () => {
  it('shows verdict, key, wire prefix and headline', () => {
    const value = Buffer.from(JSON.stringify({ uri: 'u', headlines: [{ value: 'Story' }] }));
    expect(
      formatEventLine({
        key: 'urn:wire:yna:1',
        value,
        headers: { ...headers, ce_wireprefix: '(LEAD)' },
      }),
    ).toBe('updated   urn:wire:yna:1  (LEAD) Story');
    expect(formatEventLine({ key: 'urn:wire:yna:1', value, headers })).toBe(
      'updated   urn:wire:yna:1  Story',
    );
  });

  it('names tombstones and unreadable values instead of failing', () => {
    expect(formatEventLine({ key: 'k', value: null, headers })).toContain('(tombstone)');
    expect(formatEventLine({ key: 'k', value: Buffer.from('{'), headers })).toContain(
      '(value is not JSON)',
    );
  });

  it('cuts long lines to the width', () => {
    const value = Buffer.from(JSON.stringify({ headlines: [{ value: 'x'.repeat(300) }] }));
    expect(formatEventLine({ key: 'k', value, headers }, 40)).toHaveLength(40);
  });
});
