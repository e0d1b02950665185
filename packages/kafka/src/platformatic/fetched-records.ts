// The committed records of one partition's fetch response, read_committed.
//
// A read_committed fetch gets records up to the last stable offset, aborted
// transactions' records included, with the list of transactions aborted in that
// range; the client drops them. @platformatic/kafka 2.12.1 drops some itself,
// but keeps (1) every aborted transaction's records whose abort marker is not in
// the same response (a transaction larger than the fetch, or cut by its size),
// and (2) all but the last aborted transaction of a producer that aborted more
// than once in the response: it keeps one range per producer id. One
// transactional producer per instance aborts repeatedly when commits fail, so
// both happen. This is the Java client's rule, which has neither gap: a
// transactional batch of a producer whose aborted transaction began at or
// before it is dropped until that producer's abort marker.
import {
  IS_CONTROL,
  IS_TRANSACTIONAL,
  type KafkaRecord,
  type RecordsBatch,
} from '@platformatic/kafka';

/** One record as the loop reads it. */
export interface FetchedRecord {
  offset: bigint;
  key: Buffer | null;
  value: Buffer | null;
  headers: [Buffer | null, Buffer | null][];
}

export interface AbortedTransaction {
  producerId: bigint;
  firstOffset: bigint;
}

export interface PartitionRecords {
  /** The committed data records at or after `from`, in offset order. */
  records: FetchedRecord[];
  /** The offset after the response's last batch, control batches included; undefined: none. */
  end: bigint | undefined;
}

/** Whether a control batch is an abort marker (its record's key: version, then type 0). */
function isAbortMarker(batch: RecordsBatch): boolean {
  const key = (batch.records[0] as KafkaRecord | undefined)?.key;
  return key !== null && key !== undefined && key.length >= 4 && key.readInt16BE(2) === 0;
}

export function committedRecords(
  batches: readonly RecordsBatch[] | null | undefined,
  aborted: readonly AbortedTransaction[] | null | undefined,
  from: bigint,
): PartitionRecords {
  const pending = [...(aborted ?? [])].sort((a, b) =>
    a.firstOffset < b.firstOffset ? -1 : a.firstOffset > b.firstOffset ? 1 : 0,
  );
  const abortedProducers = new Set<bigint>();
  const records: FetchedRecord[] = [];
  let end: bigint | undefined;
  for (const batch of batches ?? []) {
    const last = batch.firstOffset + BigInt(batch.lastOffsetDelta);
    end = end === undefined || last + 1n > end ? last + 1n : end;
    // Every aborted transaction that began by this batch's end is open from here on.
    while (pending.length > 0 && (pending[0] as AbortedTransaction).firstOffset <= last)
      abortedProducers.add((pending.shift() as AbortedTransaction).producerId);
    if (batch.attributes & IS_CONTROL) {
      if (isAbortMarker(batch)) abortedProducers.delete(batch.producerId);
      continue;
    }
    if (batch.attributes & IS_TRANSACTIONAL && abortedProducers.has(batch.producerId)) continue;
    for (const record of batch.records) {
      const offset = batch.firstOffset + BigInt(record.offsetDelta);
      if (offset < from) continue;
      records.push({ offset, key: record.key, value: record.value, headers: record.headers });
    }
  }
  return { records, end };
}
