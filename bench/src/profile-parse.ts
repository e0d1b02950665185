// Run under node --cpu-prof by the benchmark when a parsing target is missed:
// parses one format's corpus with parseDocument for a few seconds.
//   node --cpu-prof --cpu-prof-dir=DIR bench/dist/src/profile-parse.js RSS 5
import { parseDocument } from '@wire/feeds';
import { loadCorpus } from './corpus.js';

const [format = 'RSS', seconds = '5'] = process.argv.slice(2);
const group = loadCorpus().find((g) => g.format === format);
if (!group) throw new Error(`no ${format} documents in the corpus`);
const until = Date.now() + Number(seconds) * 1000;
while (Date.now() < until) {
  for (const doc of group.documents) {
    parseDocument(doc.bytes, { feedId: 'profile', fetchedAt: '2026-01-01T00:00:00Z' });
  }
}
