// Which records of a read_committed fetch the @platformatic/kafka loop hands
// on: the committed ones, where the library alone lets some aborted ones through.
import { IS_CONTROL, IS_TRANSACTIONAL, type RecordsBatch } from '@platformatic/kafka';
import { describe, expect, it } from 'vitest';
import { committedRecords } from '../src/platformatic/fetched-records.js';

/** A batch of `count` records from `first`, transactional for a producer id, or a marker. */
function batch(
  first: number,
  count: number,
  producer: { id?: number; marker?: 'commit' | 'abort' } = {},
): RecordsBatch {
  const marker = producer.marker;
  const controlKey = Buffer.alloc(4);
  controlKey.writeInt16BE(marker === 'commit' ? 1 : 0, 2);
  return {
    firstOffset: BigInt(first),
    length: 0,
    partitionLeaderEpoch: 0,
    magic: 2,
    crc: 0,
    attributes: (producer.id === undefined ? 0 : IS_TRANSACTIONAL) | (marker ? IS_CONTROL : 0),
    lastOffsetDelta: count - 1,
    firstTimestamp: 0n,
    maxTimestamp: 0n,
    producerId: BigInt(producer.id ?? -1),
    producerEpoch: 0,
    firstSequence: 0,
    records: Array.from({ length: count }, (_, i) => ({
      length: 0,
      attributes: 0,
      timestampDelta: 0n,
      offsetDelta: i,
      key: marker ? controlKey : Buffer.from(`k${first + i}`),
      value: marker ? null : Buffer.from(`v${first + i}`),
      headers: [],
    })),
  };
}

const values = (result: ReturnType<typeof committedRecords>) =>
  result.records.map((r) => r.value?.toString());

describe('committedRecords', () => {
  it('keeps committed transactions and plain records, and ends past the markers', () => {
    const result = committedRecords(
      [batch(0, 2), batch(2, 2, { id: 7 }), batch(4, 1, { id: 7, marker: 'commit' })],
      [],
      0n,
    );
    expect(values(result)).toEqual(['v0', 'v1', 'v2', 'v3']);
    expect(result.end).toBe(5n);
  });

  it('drops an aborted transaction whose abort marker is beyond the response', () => {
    // The library keeps these: it only drops a range it sees closed.
    const result = committedRecords(
      [batch(0, 1), batch(1, 3, { id: 7 }), batch(4, 3, { id: 7 })],
      [{ producerId: 7n, firstOffset: 1n }],
      0n,
    );
    expect(values(result)).toEqual(['v0']);
    expect(result.end).toBe(7n);
  });

  it('drops every aborted transaction of a producer, not only its last', () => {
    // The library keeps one range per producer id: the first abort got through.
    const result = committedRecords(
      [
        batch(10, 2, { id: 7 }),
        batch(12, 1, { id: 7, marker: 'abort' }),
        batch(13, 2, { id: 7 }),
        batch(15, 1, { id: 7, marker: 'commit' }),
        batch(16, 2, { id: 7 }),
        batch(18, 1, { id: 7, marker: 'abort' }),
        batch(19, 1, { id: 8 }),
      ],
      [
        { producerId: 7n, firstOffset: 10n },
        { producerId: 7n, firstOffset: 16n },
      ],
      10n,
    );
    expect(values(result)).toEqual(['v13', 'v14', 'v19']);
  });

  it('keeps another producer interleaved with an aborted one', () => {
    const result = committedRecords(
      [
        batch(0, 1, { id: 7 }),
        batch(1, 1, { id: 8 }),
        batch(2, 1, { id: 7 }),
        batch(3, 1, { id: 7, marker: 'abort' }),
        batch(4, 1, { id: 8, marker: 'commit' }),
      ],
      [{ producerId: 7n, firstOffset: 0n }],
      0n,
    );
    expect(values(result)).toEqual(['v1']);
  });

  it('skips what lies before the position in a batch that starts before it', () => {
    expect(values(committedRecords([batch(0, 5)], null, 3n))).toEqual(['v3', 'v4']);
    expect(committedRecords(null, null, 0n)).toEqual({ records: [], end: undefined });
  });

  it('ends past a response of markers only, with no records', () => {
    const result = committedRecords([batch(8, 1, { id: 7, marker: 'commit' })], [], 8n);
    expect(result).toEqual({ records: [], end: 9n });
  });
});
