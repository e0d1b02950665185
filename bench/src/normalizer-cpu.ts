// CPU time (process.cpuUsage) an article of normalizeDocument from two or more
// builds of @wire/normalizer, in memory, new stories every round, on the same
// synthetic feeds, interleaved round by round in one process; medians of the
// rounds. The feeds are built before each timing, so only the stage is measured.
//   node bench/dist/src/normalizer-cpu.js [rounds] name=path/to/normalizer/dist/src/index.js ...
//   DOCUMENTS=20 sets the documents of 10 items a round (100), each round one state:
//   the in-memory indexes hold that many stories at most.
import { pathToFileURL } from 'node:url';
import type * as Normalizer from '@wire/normalizer';
import { loadCorpus } from './corpus.js';
import { median } from './harness.js';
import { rawHeaders } from './raw-records.js';
import { syntheticFeeds, textPool } from './synthetic-feeds.js';

type Build = Pick<typeof Normalizer, 'normalizeDocument' | 'createMemoryNormalizerState'>;
const [roundsArg = '15', ...entries] = process.argv.slice(2);
const builds: [string, Build][] = [];
for (const entry of entries) {
  const [name, path] = entry.split('=') as [string, string];
  builds.push([name, (await import(pathToFileURL(path).href)) as Build]);
}
const pool = textPool(loadCorpus());
const documentsARound = Number(process.env.DOCUMENTS ?? 100);

/** CPU µs an article of one build over a fresh state and fresh stories. */
async function round(build: Build, runId: string): Promise<number> {
  const documents = syntheticFeeds(pool, {
    documents: documentsARound,
    itemsPerDocument: 10,
    runId,
  });
  const records = documents.map((value) => ({ value, headers: rawHeaders(value, 'cpu-feed') }));
  const state = build.createMemoryNormalizerState();
  let articles = 0;
  const start = process.cpuUsage();
  for (const [i, { value, headers }] of records.entries()) {
    const { summary, afterCommit } = await build.normalizeDocument(
      { value, headers, deliveryId: `raw/0/${i}` },
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
  const used = process.cpuUsage(start);
  return (used.user + used.system) / articles;
}

const micros = new Map<string, number[]>(builds.map(([name]) => [name, []]));
for (let r = -2; r < Number(roundsArg); r++) {
  // The order turns each round, so no build always runs after the same one.
  const shift = (r + 2) % builds.length;
  for (const [name, build] of [...builds.slice(shift), ...builds.slice(0, shift)]) {
    const us = await round(build, `cpu-${r}-${name}`);
    if (r >= 0) micros.get(name)?.push(us);
  }
}
for (const [name] of builds) {
  const us = median(micros.get(name) ?? []);
  console.log(`${name}: ${us.toFixed(1)} µs an article (median of ${roundsArg} rounds)`);
}
