import { parseDocument } from '@wire/feeds';
import { loadCorpus } from './dist/src/corpus.js';

const fmt = process.argv[2] ?? 'RSS';
const g = loadCorpus().find((g) => g.format === fmt);
const t0 = Date.now();
while (Date.now() - t0 < 8000)
  for (const d of g.documents)
    parseDocument(d.bytes, { feedId: 'b', fetchedAt: '2026-01-01T00:00:00Z' });
