import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deadLetter, deadLetterCodes } from '../src/index.js';

describe('dead letters', () => {
  it('lists in docs/events.md every code a stage may write, and no other', () => {
    const doc = readFileSync(
      fileURLToPath(new URL('../../../docs/events.md', import.meta.url)),
      'utf8',
    );
    const section = doc.slice(doc.indexOf('### Dead-letter codes'));
    const table = section.slice(
      section.indexOf('| code'),
      section.indexOf('\n\n', section.indexOf('| code')),
    );
    const rows = table
      .split('\n')
      .slice(2)
      .map((row) => row.split('|').map((cell) => cell.trim()));
    expect(rows.map(([, code, meaning]) => [code, meaning])).toEqual(
      Object.entries(deadLetterCodes).map(([code, meaning]) => [`\`${code}\``, meaning]),
    );
  });

  it('keeps the original key, bytes and headers, and says where it came from and why', () => {
    const original = {
      key: 'yna-en',
      value: Buffer.from('<rss'),
      headers: { 'wire-feed-id': 'yna-en' },
    };
    const letter = deadLetter(
      { stage: 'normalizer', topic: 'wire.raw.v1', partition: 2, offset: '41' },
      { code: 'XML_MALFORMED', detail: 'x'.repeat(5_000), item: 'guid-1' },
      original,
      new Date('2026-12-07T00:00:00Z'),
    );
    expect(letter.key).toBe('yna-en');
    expect(letter.value).toBe(original.value);
    expect(letter.headers).toEqual({
      'wire-feed-id': 'yna-en',
      'wire-dlq-stage': 'normalizer',
      'wire-dlq-reason': 'XML_MALFORMED',
      'wire-dlq-detail': 'x'.repeat(2_000),
      'wire-dlq-item': 'guid-1',
      'wire-dlq-source-topic': 'wire.raw.v1',
      'wire-dlq-source-partition': '2',
      'wire-dlq-source-offset': '41',
      'wire-dlq-at': '2026-12-07T00:00:00.000Z',
    });
  });
});
