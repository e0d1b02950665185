import { describe, expect, it } from 'vitest';
import { runsOf } from '../src/consumer.js';
import { sendRequests } from '../src/producer.js';

const records = (...sizes: number[]) =>
  sizes.map((size, offset) => ({ offset, value: size < 0 ? null : Buffer.alloc(size) }));
const offsets = (runs: { offset: number }[][]) => runs.map((run) => run.map((r) => r.offset));

describe('runsOf', () => {
  it('cuts a batch into runs of at most so many records, in order', () => {
    expect(offsets([...runsOf(records(1, 1, 1, 1, 1), 2, 1_000)])).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('cuts a run before the record that would take it past the byte limit', () => {
    expect(offsets([...runsOf(records(40, 50, 20, 90, -1), 10, 100)])).toEqual([
      [0, 1],
      [2],
      [3, 4],
    ]);
  });

  it('gives a record larger than the limit a run of its own, and loses none', () => {
    const runs = [...runsOf(records(10, 500, 10), 10, 100)];
    expect(offsets(runs)).toEqual([[0], [1], [2]]);
    expect([...runsOf([], 10, 100)]).toEqual([]);
  });
});

describe('sendRequests', () => {
  const record = (size: number) => ({ key: 'k', value: Buffer.alloc(size) });
  const shape = (requests: { topic: string; messages: unknown[] }[][]) =>
    requests.map((request) => request.map((t) => `${t.topic}:${t.messages.length}`));

  it('keeps every record, in order, in requests under the limit', () => {
    const records = new Map([
      ['a', [record(300), record(300), record(300)]],
      ['b', [record(100)]],
    ]);
    const requests = [...sendRequests(records, 700)];
    expect(shape(requests)).toEqual([['a:2'], ['a:1', 'b:1']]);
    expect(requests.flat().flatMap((t) => t.messages)).toHaveLength(4);
  });

  it('sends a record over the limit alone, and nothing for no records', () => {
    expect(
      shape([...sendRequests(new Map([['a', [record(10), record(5_000), record(10)]]]), 100)]),
    ).toEqual([['a:1'], ['a:1'], ['a:1']]);
    expect([...sendRequests(new Map([['a', []]]), 100)]).toEqual([]);
  });
});
