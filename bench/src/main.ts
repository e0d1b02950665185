// `pnpm bench [--quick] [--only parsing,normalizer,redis-sizing,replay,end-to-end,kafka-clients,ingester]`: runs the
// benchmarks, prints the table, writes bench/results.json and the table in
// docs/benchmarks.md. Every figure is a ratio to a reference measured in this run.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '@wire/testkit';
import { loadCorpus } from './corpus.js';
import { topFramesIn } from './cpu-profile.js';
import { benchEndToEnd } from './end-to-end.js';
import { type Figure, fullRounds, quickRounds } from './harness.js';
import { benchIngester } from './ingester.js';
import { benchKafkaClients } from './kafka-clients.js';
import { benchNormalizer } from './normalizer.js';
import { benchParsing } from './parsing.js';
import { formatProfiles, type ProfileSummary, profileParsing } from './profiles.js';
import { ensureFeedparser, type PythonTiming, timeFeedparser } from './python-feedparser.js';
import { redisBenchmarkAvailable } from './redis-ceiling.js';
import { benchRedisSizing } from './redis-sizing.js';
import { benchReplay } from './replay.js';
import { type RunReport, updateDoc, writeResultsJson } from './results.js';
import { ensureStack } from './stack.js';
import { syntheticFeeds, textPool } from './synthetic-feeds.js';
import { formatTable } from './table.js';
import { checkTarget, formatTargets, memoryTargets } from './targets.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const quick = values.quick ?? false;
const rounds = quick ? quickRounds : fullRounds;
const selected = new Set(
  (values.only ?? 'parsing,normalizer,redis-sizing,replay,end-to-end,kafka-clients,ingester')
    .split(',')
    .map((s) => s.trim()),
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

if (
  ['normalizer', 'redis-sizing', 'replay', 'end-to-end', 'kafka-clients', 'ingester'].some((b) =>
    selected.has(b),
  )
)
  await ensureStack();
const profileDir = join(repoRoot, 'bench/profiles', runId);
const profiles: ProfileSummary[] = [];

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

if (selected.has('redis-sizing')) {
  const documents = quick ? 200 : 2_000;
  log(`redis sizing: ${documents * 10} new stories through the normalizer's and publisher's keys`);
  const sizing = syntheticFeeds(pool, { documents, itemsPerDocument: 10, runId: `${runId}-size` });
  figures.push(...(await benchRedisSizing(sizing, `${runId}.size.`)));
}

if (selected.has('replay')) {
  const documents = quick ? 1_000 : 10_000;
  log(`replay: wire replay --dry-run of ${documents} archived documents`);
  figures.push(
    await benchReplay(pool, { documents, feeds: quick ? 100 : 500, runId: `${runId}-replay` }),
  );
}

if (selected.has('end-to-end')) {
  log('end to end: normalizer and publisher processes, raw to public topic');
  const items = 10;
  const load = syntheticFeeds(pool, {
    documents: quick ? 40 : 200,
    itemsPerDocument: items,
    runId: `${runId}-load`,
  });
  const warmup = syntheticFeeds(pool, {
    documents: 5,
    itemsPerDocument: items,
    runId: `${runId}-warm`,
    seed: 7,
  });
  figures.push(
    ...(await benchEndToEnd({
      namespace: `${runId}.e2e.`,
      warmup,
      load,
      itemsPerDocument: items,
    })),
  );
}

if (selected.has('kafka-clients')) {
  log('kafka clients: kafkajs and platformatic through the adapter, then end to end on each');
  const items = 10;
  figures.push(
    ...(await benchKafkaClients(
      {
        namespace: `${runId}.kc.`,
        documents: syntheticFeeds(pool, { documents: 50, itemsPerDocument: items, runId }),
        recordsPerRound: quick ? 200 : 500,
        produceRounds: rounds,
        // Each read is a group join and 20 transactions or more: fewer rounds.
        recordsToRead: quick ? 500 : 1_000,
        readRounds: quick ? { warmupRounds: 0, rounds: 1 } : quickRounds,
        endToEnd: {
          warmup: syntheticFeeds(pool, {
            documents: 5,
            itemsPerDocument: items,
            runId: `${runId}-kc-warm`,
            seed: 7,
          }),
          load: syntheticFeeds(pool, {
            documents: quick ? 40 : 200,
            itemsPerDocument: items,
            runId: `${runId}-kc-load`,
          }),
          itemsPerDocument: items,
        },
      },
      log,
    )),
  );
}

if (selected.has('ingester')) {
  log('ingester: a local server holding the fleet, the services as processes');
  const result = await benchIngester(
    pool,
    {
      namespace: `${runId}.ing.`,
      runId,
      feeds: quick ? 2_000 : 10_000,
      intervalSeconds: 10,
      changeShare: 0.02,
      maxRequestsPerHost: 2,
      warmupSeconds: quick ? 15 : 25,
      windowSeconds: quick ? 15 : 40,
      referenceSeconds: quick ? 10 : 15,
      ...(!quick && { profileDir, probeRequestsPerHost: 8 }),
    },
    log,
  );
  figures.push(...result.figures);
  if (result.profile) profiles.push(result.profile);
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
  // RSS and Atom have their peers to beat; NewsML-G2 and NITF, whose peers read
  // neither, half of fast-xml-parser alone.
  .filter((t) => t.figure.includes(' vs ') || /^parse (NewsML-G2|NITF) /.test(t.figure))
  .filter((t) => !t.figure.includes('feedparser (Python)'));
const targets = [
  ...parseTargets,
  {
    name: 'normalizer 10× its CPU speed when issue 18 was filed',
    figure: 'normalizer CPU, new stories, against issue 18 baseline',
    threshold: 10,
  },
  {
    name: 'end to end ≥ 10 % of the producer ceiling',
    figure: 'end to end, raw to public topic, guarantees on',
    threshold: 0.1,
  },
  {
    name: 'dedupe ≤ 0.2 Redis round trips per article',
    figure: 'Redis round trips per new article',
    threshold: 1,
    atMost: true,
  },
  ...memoryTargets,
].map((t) => checkTarget(t, figures));

// A missed target gets a CPU profile of where the time went (not in --quick).
if (!quick) {
  const missedFormats = new Set(
    targets
      .filter((t) => t.met === false && t.figure.startsWith('parse '))
      .map((t) => /^parse (\S+)/.exec(t.figure)?.[1] ?? ''),
  );
  for (const format of missedFormats) {
    log(`profiling ${format} parsing`);
    profiles.push(profileParsing(profileDir, format, 5));
  }
  const e2eMissed = targets.some((t) => t.met === false && t.figure.startsWith('end to end'));
  const dedupeMissed = targets.some((t) => t.met === false && t.figure.startsWith('Redis'));
  if (e2eMissed || dedupeMissed) {
    log('profiling the normalizer and publisher end to end');
    const load = syntheticFeeds(pool, {
      documents: 100,
      itemsPerDocument: 10,
      runId: `${runId}-prof`,
    });
    const warmup = syntheticFeeds(pool, {
      documents: 2,
      itemsPerDocument: 10,
      runId: `${runId}-pw`,
      seed: 9,
    });
    await benchEndToEnd({
      namespace: `${runId}.prof.`,
      warmup,
      load,
      itemsPerDocument: 10,
      profileDir,
    });
    for (const service of ['normalizer', 'publisher']) {
      profiles.push({
        what: `the ${service} process end to end`,
        ...topFramesIn(join(profileDir, service)),
      });
    }
  }
}

const report: RunReport = { startedAt, quick, figures, targets, skipped, profiles };
console.log(`\n${formatTable(figures)}\n${formatTargets(targets)}`);
if (skipped.length > 0) console.log(`skipped: ${skipped.join('; ')}`);
if (profiles.length > 0) console.log(formatProfiles(profiles));
writeResultsJson(join(repoRoot, 'bench/results.json'), report);
updateDoc(join(repoRoot, 'docs/benchmarks.md'), report);
process.exit(0);
