// Run under node --cpu-prof to see where the normalizer's CPU goes: normalizes
// synthetic feeds (as the benchmark makes them) with in-memory state, new
// stories every round, for a few seconds; prints articles/s.
//   node --cpu-prof --cpu-prof-dir=DIR bench/dist/src/profile-normalize.js 10
import { randomBytes } from 'node:crypto';
import { createMemoryNormalizerState, normalizeDocument } from '@wire/normalizer';
import { loadCorpus } from './corpus.js';
import { rawHeaders } from './raw-records.js';
import { syntheticFeeds, textPool } from './synthetic-feeds.js';

const [seconds = '10'] = process.argv.slice(2);
const pool = textPool(loadCorpus());
const until = Date.now() + Number(seconds) * 1000;
let articles = 0;
let round = 0;
const start = Date.now();
while (Date.now() < until) {
  const documents = syntheticFeeds(pool, {
    documents: 20,
    itemsPerDocument: 10,
    runId: `profile-${round++}-${randomBytes(2).toString('hex')}`,
  });
  const state = createMemoryNormalizerState();
  for (const [i, value] of documents.entries()) {
    const { summary, afterCommit } = await normalizeDocument(
      { value, headers: rawHeaders(value, 'profile-feed'), deliveryId: `raw/0/${i}` },
      {
        ...state,
        sleep: async () => undefined,
        publishNormalized: async () => undefined,
        deadLetter: async () => undefined,
      },
    );
    await afterCommit();
    articles += summary.articles;
  }
}
console.log(`${Math.round(articles / ((Date.now() - start) / 1000))} articles/s`);
