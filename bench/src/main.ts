// `pnpm bench [--quick] [--only parsing,normalizer,end-to-end,ingester]`: runs the
// benchmarks, prints the table, writes bench/results.json and the table in
// docs/benchmarks.md. Every figure is a ratio to a reference measured in this run.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '@wire/testkit';
import { loadCorpus } from './corpus.js';
import { type Figure, fullRounds, quickRounds } from './harness.js';
import { benchNormalizer } from './normalizer.js';
import { benchParsing } from './parsing.js';
import { ensureFeedparser, type PythonTiming, timeFeedparser } from './python-feedparser.js';
import { redisBenchmarkAvailable } from './redis-ceiling.js';
import { type RunReport, updateDoc, writeResultsJson } from './results.js';
import { ensureStack } from './stack.js';
import { syntheticFeeds, textPool } from './synthetic-feeds.js';
import { formatTable } from './table.js';
import { checkTarget, formatTargets } from './targets.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const quick = values.quick ?? false;
const rounds = quick ? quickRounds : fullRounds;
const selected = new Set(
  (values.only ?? 'parsing,normalizer,end-to-end,ingester').split(',').map((s) => s.trim()),
);
const runId = `bench-${Date.now().toString(36)}`;
const figures: Figure[] = [];
const skipped: string[] = [];
const startedAt = new Date().toISOString();
const log = (line: string) => console.error(`[bench] ${line}`);

const corpus = loadCorpus();
const pool = textPool(corpus);

if (selected.has('parsing')) {
  let python: Record<string, PythonTiming> = {};
  const notInstalled = ensureFeedparser();
  if (notInstalled) skipped.push(`feedparser (Python): ${notInstalled}`);
  else
    python = timeFeedparser(
      corpus.filter((g) => g.format === 'RSS' || g.format === 'Atom'),
      rounds,
    );
  for (const group of corpus) {
    log(`parsing ${group.format}: ${group.documents.length} documents`);
    figures.push(...(await benchParsing(group, rounds, python[group.format])));
  }
}

if (selected.has('normalizer') || selected.has('end-to-end')) await ensureStack();

if (selected.has('normalizer')) {
  if (!redisBenchmarkAvailable()) {
    skipped.push('normalizer: redis-benchmark not found (apt-get install -y redis-tools)');
  } else {
    log('normalizer against Redis');
    const documents = syntheticFeeds(pool, {
      documents: quick ? 30 : 100,
      itemsPerDocument: 10,
      runId,
    });
    figures.push(...(await benchNormalizer(documents, rounds, `${runId}.`)));
  }
}

const parseTargets = figures
  .filter((f) => f.name.startsWith('parse ') && / \(\d+ docs/.test(f.name))
  .map((f) => ({
    name: f.name.includes(' vs ')
      ? 'parsing ahead of this peer'
      : "≥ 50 % of fast-xml-parser's speed",
    figure: f.name,
    threshold: f.name.includes(' vs ') ? 1 : 0.5,
  }))
  .filter((t) => !t.figure.includes('feedparser (Python)'));
const targets = [
  ...parseTargets,
  {
    name: 'dedupe ≤ 0.2 Redis round trips per article',
    figure: 'Redis round trips per new article',
    threshold: 1,
    atMost: true,
  },
].map((t) => checkTarget(t, figures));

const report: RunReport = { startedAt, quick, figures, targets, skipped };
console.log(`\n${formatTable(figures)}\n${formatTargets(targets)}`);
if (skipped.length > 0) console.log(`skipped: ${skipped.join('; ')}`);
writeResultsJson(join(repoRoot, 'bench/results.json'), report);
updateDoc(join(repoRoot, 'docs/benchmarks.md'), report);
process.exit(0);
