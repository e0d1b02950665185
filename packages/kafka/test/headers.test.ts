import { describe, expect, it } from 'vitest';
import { nextOffset, readHeaders, toKafkaHeaders } from '../src/index.js';

describe('headers', () => {
  it('drops undefined values and reads buffers back as strings', () => {
    const headers = toKafkaHeaders({ a: '1', b: undefined });
    expect(headers).toEqual({ a: '1' });
    expect(readHeaders({ a: Buffer.from('x'), c: [Buffer.from('y'), Buffer.from('z')] })).toEqual({
      a: 'x',
      c: 'y',
    });
  });
});

describe('nextOffset', () => {
  it('counts past 2^53 without losing precision', () => {
    expect(nextOffset('9007199254740993')).toBe('9007199254740994');
  });
});
