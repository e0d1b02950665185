// The parsing corpus: the real documents in ../shared (feed-library suites, IPTC
// NewsML-G2 examples, agency samples) and the repo's samples, grouped by format.
// Fixtures under 1 KiB (one-element edge cases) and documents wire cannot read are
// left out, so every parser runs on the same files that carry real articles.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type DocumentFormat, parseDocument } from '@wire/feeds';
import { corpusDir, repoRoot, samplesDir } from '@wire/testkit';

export type CorpusFormat = 'RSS' | 'Atom' | 'NewsML-G2' | 'NITF';

export interface CorpusDocument {
  path: string;
  bytes: Buffer;
  /** Articles wire finds in it. */
  articles: number;
}

export interface CorpusGroup {
  format: CorpusFormat;
  documents: CorpusDocument[];
  bytes: number;
  articles: number;
}

const formatOf: Partial<Record<DocumentFormat, CorpusFormat>> = {
  rss2: 'RSS',
  rdf: 'RSS',
  atom: 'Atom',
  'newsml-g2': 'NewsML-G2',
  nitf: 'NITF',
};

const minimumBytes = 1024;

function* xmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* xmlFiles(path);
    else if (/\.(xml|rss|atom|rdf)$/i.test(name)) yield path;
  }
}

export function loadCorpus(): CorpusGroup[] {
  const groups = new Map<CorpusFormat, CorpusDocument[]>();
  for (const root of [corpusDir, samplesDir, join(repoRoot, 'samples')]) {
    for (const path of xmlFiles(root)) {
      const bytes = readFileSync(path);
      if (bytes.length < minimumBytes) continue;
      let parsed: ReturnType<typeof parseDocument>;
      try {
        parsed = parseDocument(bytes, { feedId: 'bench', fetchedAt: '2026-01-01T00:00:00Z' });
      } catch {
        continue; // wire cannot read it: no parser is timed on it
      }
      const format = formatOf[parsed.format];
      if (!format || parsed.articles.length === 0) continue;
      const list = groups.get(format) ?? [];
      list.push({ path, bytes, articles: parsed.articles.length });
      groups.set(format, list);
    }
  }
  const order: CorpusFormat[] = ['RSS', 'Atom', 'NewsML-G2', 'NITF'];
  return order
    .filter((format) => groups.has(format))
    .map((format) => {
      const documents = groups.get(format) ?? [];
      return {
        format,
        documents,
        bytes: documents.reduce((sum, d) => sum + d.bytes.length, 0),
        articles: documents.reduce((sum, d) => sum + d.articles, 0),
      };
    });
}
