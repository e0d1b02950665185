// Re-files and recurring series on real feeds: a labelled set of real items (see
// fixtures/refile-families/*/SOURCE.txt) run through the normalizer as their feeds
// showed them. Later filings of a story under new ids must join it; one day's
// market open, weather or roundup must never join another day's.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type PollMode,
  placeItems,
  readLabelledSet,
  scoreFamilies,
} from './refile/evaluate-families.js';

// The recall each set reaches today, a floor against regressions. The target
// is 95 %: what stands between is in docs/near-duplicates.md (a second flash with a
// new fact, and re-angled headlines, are left as stories of their own on purpose).
const sets = [
  { name: 'ko-en-ja', recallFloor: 0.83 },
  { name: 'zh', recallFloor: 0.59 },
].map(({ name, recallFloor }) => ({
  ...readLabelledSet(join(import.meta.dirname, 'fixtures/refile-families', name)),
  name,
  recallFloor,
}));
const modes: PollMode[] = [
  'one item per poll',
  'one item per poll, newest first',
  'a poll every 15 minutes',
];

describe.each(sets)('re-file families on $name', (set) => {
  it.each(modes)('joins re-files and never joins two stories, %s', async (mode) => {
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
    expect(recall).toBeGreaterThanOrEqual(set.recallFloor);
  });
});
