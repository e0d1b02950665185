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
  kill: false,
  ...extra,
});

export function storyLedgerContract(makeLedger: () => StoryLedger): void {
  const uri = () => `urn:test:${randomUUID()}`;

  it('calls the first revision of a story its creation, and the latest', async () => {
    const ledger = makeLedger();
    expect(await ledger.place(uri(), revision('e1', 1))).toEqual({
      createdStory: true,
      isLatest: true,
      killed: false,
      stale: false,
      sequence: 1,
      latestVersion: '1',
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
      stale: true,
    });
    expect(await ledger.place(story, revision('v3', 3))).toEqual({
      createdStory: false,
      isLatest: true,
      killed: false,
      stale: false,
      sequence: 3,
      latestVersion: '3',
      firstCreated: '2023-02-02T00:00:00.000Z',
    });
  });

  it('keeps a killed story killed: no later revision is its latest, whatever its rank', async () => {
    const ledger = makeLedger();
    const story = uri();
    await ledger.place(story, revision('v1', 1, { version: '1' }));
    expect(
      await ledger.place(story, revision('v3', 3, { version: '3', kill: true })),
    ).toMatchObject({ isLatest: true, killed: false, latestVersion: '3' });
    // The late correction, ranked below the kill, and a revision ranked above it.
    expect(await ledger.place(story, revision('v2', 2, { version: '2' }))).toMatchObject({
      isLatest: false,
      killed: true,
      latestVersion: '3',
    });
    expect(await ledger.place(story, revision('v4', 4, { version: '4' }))).toMatchObject({
      isLatest: false,
      killed: true,
      latestVersion: '3',
    });
    // The kill delivered again is still the kill.
    expect(
      await ledger.place(story, revision('v3', 3, { version: '3', kill: true })),
    ).toMatchObject({ isLatest: true, killed: false });
  });

  it("gives each event the story's next sequence number once, retries included", async () => {
    const ledger = makeLedger();
    const story = uri();
    const numbers = [];
    for (const id of ['a', 'b', 'a', 'c', 'b'])
      numbers.push((await ledger.place(story, revision(id, 5))).sequence);
    expect(numbers).toEqual([1, 2, 1, 3, 2]);
  });

  it("names the latest version by the source's number, else by sequence", async () => {
    const ledger = makeLedger();
    const story = uri();
    await ledger.place(story, revision('x', 2, { version: '7' }));
    expect((await ledger.place(story, revision('y', 1))).latestVersion).toBe('7');
    expect((await ledger.place(story, revision('z', 3))).latestVersion).toBe('3');
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
