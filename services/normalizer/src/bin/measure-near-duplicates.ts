// Measures where the near-duplicate threshold should sit: SimHash distances of
// pairs that are the same story (the real re-filings in the samples, and edits of
// corpus articles: a boilerplate line, a paragraph added or removed, a few words
// changed) against pairs that are not (every two distinct articles of the corpus,
// whose feeds hold no re-filings). Articles shorter than 1,000 characters (teasers,
// not wire copy) are measured apart.
// Prints a table and writes bench/near-duplicates.json. Usage:
//   node services/normalizer/dist/src/bin/measure-near-duplicates.js [SHARED_DIR]
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '@wire/feeds';
import {
  type Fingerprint,
  fingerprintOf,
  hammingDistance,
  normalizeForFingerprint,
} from '../fingerprint.js';

const repoRoot = join(import.meta.dirname, '../../../../..');
const shared = process.argv[2] ?? join(repoRoot, '../shared');
const corpusFolders = ['corpus/feed-libs', 'corpus/agency-wire', 'corpus/ninjs/agency_samples_xml'];

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(xml|rss|atom)$/i.test(name)) yield path;
  }
}

function articleTexts(folders: string[]): string[] {
  const texts = new Map<string, string>();
  for (const folder of folders) {
    for (const path of files(join(shared, folder))) {
      try {
        const parsed = parseDocument(readFileSync(path), {
          feedId: 'measure',
          fetchedAt: '2026-01-01T00:00:00Z',
        });
        for (const { article } of parsed.articles) {
          const body = article.bodies?.find((b) => b.contentType === 'text/plain')?.value ?? '';
          const text = `${article.headlines?.[0]?.value ?? ''}\n${body}`;
          if (body.length >= 200 || folders.includes('samples'))
            texts.set(normalizeForFingerprint(text), text);
        }
      } catch {
        // Documents that do not parse have no articles to measure.
      }
    }
  }
  return [...texts.values()];
}

const paragraphs = (text: string) => text.split(/\n+/).filter((p) => p.trim() !== '');

// Edits an agency makes when it files a story again.
const edits: Record<string, (text: string) => string> = {
  'boilerplate line added': (t) =>
    `${t}\n(c) News agency. All rights reserved. Reproduction prohibited.`,
  'last paragraph removed': (t) => paragraphs(t).slice(0, -1).join('\n'),
  'paragraph added': (t) => `${t}\nOfficials said more details would be released later on Friday.`,
  'three words changed': (t) =>
    t.replace(/\b(\w{5,})\b/g, (w, _m, i: number) => (i % 7 === 0 ? `${w}x` : w)).slice(0),
};

function distances(pairs: [Fingerprint, Fingerprint][]): number[] {
  return pairs.map(([a, b]) => hammingDistance(a, b)).sort((x, y) => x - y);
}

function measure(texts: string[]) {
  const fingerprints = texts.map(fingerprintOf);
  const unrelated: number[] = [];
  for (let i = 0; i < fingerprints.length; i++) {
    for (let j = i + 1; j < fingerprints.length; j++) {
      unrelated.push(
        hammingDistance(fingerprints[i] as Fingerprint, fingerprints[j] as Fingerprint),
      );
    }
  }
  unrelated.sort((a, b) => a - b);
  const same: Record<string, number[]> = {};
  for (const [name, edit] of Object.entries(edits)) {
    same[name] = distances(
      texts
        .filter((t) => paragraphs(t).length >= 3)
        .map((t) => [fingerprintOf(t), fingerprintOf(edit(t))]),
    );
  }
  const atMost = (values: number[], k: number) => values.filter((d) => d <= k).length;
  const rows = Array.from({ length: 9 }, (_, k) => ({
    maxDistance: k,
    falsePositives: atMost(unrelated, k),
    recall: Object.fromEntries(
      Object.entries(same).map(([name, values]) => [
        name,
        atMost(values, k) / Math.max(1, values.length),
      ]),
    ),
  }));
  return {
    articles: texts.length,
    unrelatedPairs: unrelated.length,
    closestUnrelated: unrelated[0],
    rows,
  };
}

function print(title: string, result: ReturnType<typeof measure>) {
  console.log(
    `\n${title}: ${result.articles} articles, ${result.unrelatedPairs} unrelated pairs, closest ${result.closestUnrelated} bits`,
  );
  const names = Object.keys(edits);
  console.log(['max distance', 'unrelated pairs within', ...names].join(' | '));
  for (const row of result.rows) {
    const recall = names.map((n) => `${((row.recall[n] ?? 0) * 100).toFixed(1)} %`);
    console.log([row.maxDistance, row.falsePositives, ...recall].join(' | '));
  }
}

const all = articleTexts(corpusFolders);
const wireCopy = measure(all.filter((t) => t.length >= 1_000));
const short = measure(all.filter((t) => t.length < 1_000));
const samples = articleTexts(['samples']).map(fingerprintOf);
const seedVersions: number[] = [];
for (let i = 0; i < samples.length; i++) {
  for (let j = i + 1; j < samples.length; j++) {
    const d = hammingDistance(samples[i] as Fingerprint, samples[j] as Fingerprint);
    if (d <= 16) seedVersions.push(d);
  }
}
print('wire copy (1,000+ characters)', wireCopy);
print('short items (200-999 characters)', short);
console.log(
  `\nthe seed story's versions in the samples (RSS, (LEAD), NewsML-G2 v1, v2): ${seedVersions.length} pairs, distances ${[...new Set(seedVersions)].sort((a, b) => a - b).join(', ')}`,
);
const out = join(repoRoot, 'bench');
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, 'near-duplicates.json'),
  `${JSON.stringify({ wireCopy, short, seedVersions }, null, 2)}\n`,
);
