// Every document of the corpora, then the bench's synthetic feeds, through two
// builds of the normalizer's normalizeDocument, each over a fresh in-memory state,
// in the same order with the same headers, twice (a first poll and a re-poll): the
// records each publishes (value bytes), its dead letters, summaries and errors must
// be identical. A check run by hand while a change to the normalizer is measured.
//   node bench/dist/src/diff-normalizer.js path/to/old/index.js path/to/new/index.js
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Normalizer from '@wire/normalizer';
import { corpusDir, repoRoot, samplesDir } from '@wire/testkit';
import { loadCorpus } from './corpus.js';
import { syntheticFeeds, textPool } from './synthetic-feeds.js';

type Build = Pick<typeof Normalizer, 'normalizeDocument' | 'createMemoryNormalizerState'>;
const [oldPath, newPath] = process.argv.slice(2) as [string, string];
const load = async (path: string) => (await import(pathToFileURL(path).href)) as Build;
const builds = [await load(oldPath), await load(newPath)] as const;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (!/\.(json|txt|md|ts)$/.test(name)) yield path;
  }
}

interface Input {
  name: string;
  bytes: Buffer;
  /** A folder is a feed, its top folder an agency: near-duplicates and re-files meet. */
  feedId: string;
  agency: string;
}

const roots = [corpusDir, samplesDir, join(repoRoot, 'services/normalizer/test/fixtures')];
const inputs: Input[] = roots.flatMap((root) =>
  [...files(root)].map((path) => {
    const name = relative(root, path);
    return {
      name: path,
      bytes: readFileSync(path),
      feedId: `diff-${dirname(name)}`,
      agency: name.split('/')[0] ?? 'root',
    };
  }),
);
for (const [i, bytes] of syntheticFeeds(textPool(loadCorpus()), {
  documents: 40,
  itemsPerDocument: 10,
  runId: 'diff',
}).entries()) {
  inputs.push({ name: `synthetic ${i}`, bytes, feedId: 'synthetic', agency: 'bench' });
}

/** Every output of one build over all inputs, one string per input and poll. */
async function run(build: Build): Promise<{ outputs: string[]; articles: number }> {
  const state = build.createMemoryNormalizerState();
  const outputs: string[] = [];
  let articles = 0;
  for (const poll of [1, 2]) {
    for (const [i, input] of inputs.entries()) {
      const out: string[] = [];
      try {
        const { summary, afterCommit } = await build.normalizeDocument(
          {
            value: input.bytes,
            headers: {
              'wire-feed-id': input.feedId,
              'wire-agency': input.agency,
              'wire-url': `https://corpus.wire.invalid/${input.name}`,
              'wire-fetch-id': `diff-${poll}-${i}`,
              'wire-fetched-at': '2026-12-01T00:00:00.000Z',
              'wire-http-status': '200',
              'wire-content-type': '',
              'wire-sha256': 'f'.repeat(64),
              'wire-identity': 'guid',
            },
            deliveryId: `raw/0/${poll}-${i}`,
          },
          {
            ...state,
            sleep: async () => undefined,
            publishNormalized: async (_article, value) => {
              articles++;
              out.push(value.toString());
            },
            deadLetter: async (reason) => {
              out.push(`dead letter ${JSON.stringify(reason)}`);
            },
          },
        );
        await afterCommit();
        out.push(`summary ${JSON.stringify(summary)}`);
      } catch (err) {
        out.push(`error ${(err as Error).message}`);
      }
      outputs.push(out.join('\n'));
    }
  }
  return { outputs, articles };
}

const [before, after] = [await run(builds[0]), await run(builds[1])];
let differing = 0;
for (const [i, a] of before.outputs.entries()) {
  const b = after.outputs[i] as string;
  if (a === b) continue;
  differing++;
  let at = 0;
  while (a[at] === b[at]) at++;
  console.log(
    `${inputs[i % inputs.length]?.name} (poll ${i < inputs.length ? 1 : 2}): differs at ${at}`,
  );
  console.log(`  old: ${a.slice(Math.max(0, at - 80), at + 120)}`);
  console.log(`  new: ${b.slice(Math.max(0, at - 80), at + 120)}`);
}
console.log(
  `${inputs.length} documents × 2 polls, ${before.articles} and ${after.articles} articles published, ${differing} outputs differ`,
);
