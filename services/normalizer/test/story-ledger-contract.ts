// The behaviour every StoryLedger must have, run against Redis and memory alike.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { RevisionToPlace, StoryLedger } from '../src/index.js';

const revision = (
  eventId: string,
  rank: number,
  extra: Partial<RevisionToPlace> = {},
): RevisionToPlace => ({
  eventId,
  rank,
  revision: `rev-${eventId}`,
  versionCreated: `2023-02-0${Math.min(rank, 9)}T00:00:00.000Z`,
  ...extra,
});

export function storyLedgerContract(makeLedger: () => StoryLedger): void {
  const uri = () => `urn:test:${randomUUID()}`;

  it('calls the first revision of a story its creation, and the latest', async () => {
    const ledger = makeLedger();
    expect(await ledger.place(uri(), revision('e1', 1))).toEqual({
      createdStory: true,
      isLatest: true,
      firstCreated: '2023-02-01T00:00:00.000Z',
    });
  });

  it('keeps the higher revision as the latest whatever the arrival order, and the first creation time', async () => {
    const ledger = makeLedger();
    const story = uri();
    expect(await ledger.place(story, revision('v2', 2))).toMatchObject({
      createdStory: true,
      isLatest: true,
    });
    expect(await ledger.place(story, revision('v1', 1))).toMatchObject({
      createdStory: false,
      isLatest: false,
    });
    expect(await ledger.place(story, revision('v3', 3))).toEqual({
      createdStory: false,
      isLatest: true,
      firstCreated: '2023-02-02T00:00:00.000Z',
    });
  });

  it('gives a retried event the answer it got the first time', async () => {
    const ledger = makeLedger();
    const story = uri();
    const first = await ledger.place(story, revision('e1', 5));
    await ledger.place(story, revision('e0', 4));
    expect(await ledger.place(story, revision('e1', 5))).toEqual(first);
  });

  it('breaks a tie of ranks by revision hash, so every order ends the same', async () => {
    const a = makeLedger();
    const b = makeLedger();
    const story = uri();
    await a.place(story, revision('x', 7, { revision: 'aaa' }));
    const aLast = await a.place(story, revision('y', 7, { revision: 'bbb' }));
    await b.place(story, revision('y', 7, { revision: 'bbb' }));
    const bLast = await b.place(story, revision('x', 7, { revision: 'aaa' }));
    expect(aLast.isLatest).toBe(true);
    expect(bLast.isLatest).toBe(false);
  });
}
