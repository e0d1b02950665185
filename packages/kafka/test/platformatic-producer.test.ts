// What the @platformatic/kafka producers send: the partition of a key is the one
// kafkajs (and Java) choose, and a record's parts go as bytes.
import { randomBytes } from 'node:crypto';
import { Partitioners } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { keyPartition, toMessage } from '../src/platformatic/producer.js';

describe('the partition of a key', () => {
  it('is the one kafkajs (and Java) choose, for any key and partition count', () => {
    const kafkajs = Partitioners.DefaultPartitioner();
    for (let i = 0; i < 2_000; i++) {
      const key = i % 2 === 0 ? randomBytes(1 + (i % 40)) : Buffer.from(`feed-${i}`);
      for (const count of [1, 3, 6, 7]) {
        const partitionMetadata = Array.from({ length: count }, (_, partitionId) => ({
          partitionId,
          leader: 1,
          partitionErrorCode: 0,
          replicas: [1],
          isr: [1],
        }));
        const expected = kafkajs({ topic: 't', partitionMetadata, message: { key, value: null } });
        expect(keyPartition(key) % count).toBe(expected);
      }
    }
  });

  it('goes with the record, text or bytes; a record without a key has none', () => {
    const keyed = toMessage('t', { key: 'feed-1', value: 'x', headers: { a: 'b' } });
    expect(keyed.partition).toBe(keyPartition(Buffer.from('feed-1')));
    expect(keyed.value).toEqual(Buffer.from('x'));
    expect([...(keyed.headers as Map<Buffer, Buffer>)].map(([k, v]) => `${k}=${v}`)).toEqual([
      'a=b',
    ]);
    const tombstone = toMessage('t', { key: null, value: null });
    expect(tombstone.partition).toBeUndefined();
    expect(tombstone.value).toBeUndefined();
  });
});
