// The behaviour every NearDuplicateIndex must have, against Redis and memory alike.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { NearDuplicateIndex } from '../src/index.js';

const flip = (value: number, bits: number) => (value ^ ((1 << bits) - 1)) >>> 0;

export function nearDuplicateIndexContract(
  makeIndex: (maxDistance: number) => NearDuplicateIndex,
): void {
  const uri = () => `urn:test:${randomUUID()}`;
  const base = () => ({ hi: (Math.random() * 2 ** 32) >>> 0, lo: (Math.random() * 2 ** 32) >>> 0 });

  it('finds a recorded story within the distance and not beyond it', async () => {
    const index = makeIndex(3);
    const fp = base();
    const first = uri();
    await index.record(fp, first, 'yna');
    expect(await index.find({ ...fp, lo: flip(fp.lo, 3) }, uri(), 'yna')).toEqual({
      of: first,
      distance: 3,
      relation: 'same-story',
    });
    expect(await index.find({ ...fp, lo: flip(fp.lo, 4) }, uri(), 'yna')).toBeUndefined();
  });

  it('never answers a story with itself', async () => {
    const index = makeIndex(3);
    const fp = base();
    const self = uri();
    await index.record(fp, self, 'yna');
    expect(await index.find(fp, self, 'yna')).toBeUndefined();
  });

  it("prefers the same agency's story and calls another agency's related", async () => {
    const index = makeIndex(7);
    const fp = base();
    const theirs = uri();
    const ours = uri();
    await index.record(fp, theirs, 'afp');
    expect((await index.find(fp, uri(), 'yna'))?.relation).toBe('related');
    await index.record({ ...fp, lo: flip(fp.lo, 5) }, ours, 'yna');
    expect(await index.find(fp, uri(), 'yna')).toEqual({
      of: ours,
      distance: 5,
      relation: 'same-story',
    });
  });
}
