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

  it('gives an event done again after its run aborted its first answer, not one below what that run placed after it', async () => {
    const ledger = makeLedger();
    const at = (offset: number, stream = 'raw/0') => ({ position: { stream, offset } });
    // One run of records 10 and 11 placed v1 and v2, then aborted: done again from 10.
    const story = uri();
    const created = await ledger.place(story, revision('v1', 1, at(10)));
    await ledger.place(story, revision('v2', 2, at(11)));
    expect(await ledger.place(story, revision('v1', 1, at(10)))).toEqual(created);
    expect(created).toMatchObject({ createdStory: true, isLatest: true, stale: false });
    // The same with a kill after it in the run.
    const killedLater = uri();
    const before = await ledger.place(killedLater, revision('w1', 1, at(20)));
    await ledger.place(killedLater, revision('w2', 2, { kill: true, ...at(21) }));
    expect(await ledger.place(killedLater, revision('w1', 1, at(20)))).toEqual(before);
    expect(before).toMatchObject({ killed: false, isLatest: true });
    // v2 came from another input (another feed's partition): v1 is judged afresh.
    const elsewhere = uri();
    await ledger.place(elsewhere, revision('x1', 1, at(30)));
    await ledger.place(elsewhere, revision('x2', 2, at(5, 'raw/1')));
    expect(await ledger.place(elsewhere, revision('x1', 1, at(30)))).toMatchObject({
      isLatest: false,
      stale: true,
    });
  });

  it('breaks a tie of ranks by revision hash, so every order ends the same', async () => {
    // The same two revisions in both orders, as two stories.
    const ledger = makeLedger();
    const [a, b] = [uri(), uri()];
    await ledger.place(a, revision('x', 7, { revision: 'aaa' }));
    const aLast = await ledger.place(a, revision('y', 7, { revision: 'bbb' }));
    await ledger.place(b, revision('y', 7, { revision: 'bbb' }));
    const bLast = await ledger.place(b, revision('x', 7, { revision: 'aaa' }));
    expect(aLast.isLatest).toBe(true);
    expect(bLast.isLatest).toBe(false);
  });
}
