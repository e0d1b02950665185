// Re-files and recurring series on real feeds: a labelled set of real items (see
// fixtures/refile-families/*/SOURCE.txt) run through the normalizer as their feeds
// showed them. Later filings of a story under new ids must join it; one day's
// market open, weather or roundup must never join another day's.
//
// Alone, a labelled set is sparse: the index holds a few filings at each decision.
// At the density of a real feed it holds the whole roll of the agency's filings,
// which can join two labelled stories through unlabelled ones. The dense mode runs
// each set among the filings of the same feeds and days (fixtures/refile-families/
// background, unlabelled: only the labelled items are scored).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type PollMode,
  placeItems,
  pollModes,
  readBackground,
  readLabelledSet,
  scoreFamilies,
  storyChain,
} from './refile/evaluate-families.js';

const fixtures = join(import.meta.dirname, 'fixtures/refile-families');

// The re-file pairs each set joins today in each order (of 177 and of 37), alone and
// among the feed rolls: floors against regressions. The target is 95 %:
// what stands between is in docs/near-duplicates.md (a second flash with a new
// fact, and re-angled headlines, are left as stories of their own on purpose).
const sets = [
  { name: 'ko-en-ja', joined: [160, 165, 160], joinedAmongRolls: [152, 164, 152] },
  { name: 'zh', joined: [24, 24, 24], joinedAmongRolls: [23, 24, 23] },
].map(({ name, joined, joinedAmongRolls }) => ({
  ...readLabelledSet(join(fixtures, name)),
  name,
  floor: (mode: PollMode) => joined[pollModes.indexOf(mode)] as number,
  floorAmongRolls: (mode: PollMode) => joinedAmongRolls[pollModes.indexOf(mode)] as number,
  background: readBackground(join(fixtures, 'background', `${name}.jsonl.gz`)),
}));

describe.each(sets)('re-file families on $name', (set) => {
  it.each(pollModes)('joins re-files and never joins two stories, %s', async (mode) => {
    const placement = await placeItems(set, mode);
    const scores = scoreFamilies(set, placement);
    const recall = scores.refilePairsJoined / scores.refilePairs;
    console.log(
      JSON.stringify(
        { mode, recall, ...scores, missed: scores.missed, merged: scores.merged },
        null,
        1,
      ),
    );
    expect(placement.unstable).toEqual([]);
    expect(placement.storyOf.size).toBe(set.items.length);
    expect(scores.merged).toEqual([]);
    expect(scores.recurringFalseMerges).toBe(0);
    expect(scores.distinctFalseMerges).toBe(0);
    expect(scores.recurringPairs).toBeGreaterThan(0);
    expect(scores.refilePairsJoined).toBeGreaterThanOrEqual(set.floor(mode));
  });

  it.each(pollModes)('among the full feed rolls, %s', async (mode) => {
    const placement = await placeItems({ ...set, items: [...set.items, ...set.background] }, mode);
    const scores = scoreFamilies(set, placement);
    const recall = scores.refilePairsJoined / scores.refilePairs;
    const falseStories = [...new Set(scores.mergedIds.map(([a]) => a))].map((id) =>
      storyChain({ ...set, items: [...set.items, ...set.background] }, placement, id),
    );
    console.log(
      JSON.stringify(
        { mode, background: set.background.length, recall, ...scores, falseStories },
        null,
        1,
      ),
    );
    expect(placement.unstable).toEqual([]);
    expect(placement.storyOf.size).toBe(set.items.length + set.background.length);
    expect(scores.merged).toEqual([]);
    expect(scores.recurringFalseMerges).toBe(0);
    expect(scores.distinctFalseMerges).toBe(0);
    expect(scores.refilePairsJoined).toBeGreaterThanOrEqual(set.floorAmongRolls(mode));
  });
});
