// Every file of the corpora through two builds of parseDocument: the outputs
// (articles, warnings, or the error) must be equal. A check run by hand while
// a change to parsing is measured, beside the unit tests.
//   node bench/dist/src/diff-builds.js path/to/old/index.js path/to/new/index.js
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusDir, repoRoot, samplesDir } from '@wire/testkit';

type Parse = (bytes: Uint8Array, context: object) => unknown;
const [oldPath, newPath] = process.argv.slice(2) as [string, string];
const load = async (path: string) =>
  (await import(pathToFileURL(path).href)).parseDocument as Parse;
const [before, after] = [await load(oldPath), await load(newPath)];

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const outcome = (parse: Parse, bytes: Uint8Array, contentType?: string) => {
  try {
    const context = { feedId: 'diff', fetchedAt: '2026-01-01T00:00:00Z' };
    return JSON.stringify(parse(bytes, contentType ? { ...context, contentType } : context));
  } catch (err) {
    return `error ${(err as Error).message}`;
  }
};

const roots = [
  corpusDir,
  samplesDir,
  join(repoRoot, 'samples'),
  join(repoRoot, 'services/normalizer/test/fixtures'),
  join(repoRoot, 'packages/feeds/test/fixtures'),
];
let compared = 0;
let differing = 0;
for (const root of roots) {
  for (const path of files(root)) {
    const bytes = readFileSync(path);
    for (const contentType of [undefined, 'text/xml; charset=iso-8859-1']) {
      compared++;
      const a = outcome(before, bytes, contentType);
      const b = outcome(after, bytes, contentType);
      if (a !== b) {
        differing++;
        let at = 0;
        while (a[at] === b[at]) at++;
        console.log(`${path} (${contentType ?? 'no type'}): differs at ${at}`);
        console.log(`  old: ${a.slice(Math.max(0, at - 80), at + 120)}`);
        console.log(`  new: ${b.slice(Math.max(0, at - 80), at + 120)}`);
      }
    }
  }
}
console.log(`${compared} inputs compared, ${differing} differ`);
