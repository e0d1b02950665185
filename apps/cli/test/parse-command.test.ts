import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryNormalizerState, normalizeDocument } from '@wire/normalizer';
import type { NormalizedArticle } from '@wire/schema';
import { corpusDir, createIptcNinjsValidator, samplePath, samplesDir } from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import { runParse } from '../src/index.js';
import { fetchHeaders } from '../src/replay/replay-sources.js';

const at = new Date('2026-12-01T00:00:00.000Z');

async function parse(target: string, identity: 'guid' | 'yonhap' = 'yonhap') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runParse({
    target,
    identity,
    agency: 'yna',
    at,
    print: (line) => out.push(line),
    printError: (line) => err.push(line),
  });
  return { code, out, err };
}

/** What the normalizer publishes for the same bytes, run directly. */
async function normalizerArticles(path: string, identity: 'guid' | 'yonhap') {
  const bytes = readFileSync(path);
  const published: NormalizedArticle[] = [];
  await normalizeDocument(
    {
      value: bytes,
      headers: fetchHeaders(bytes, `file://${path}`, {
        feedId: 'cli',
        agency: 'yna',
        identity,
        fetchedAt: at,
      }),
      deliveryId: 'other',
    },
    {
      ...createMemoryNormalizerState(),
      publishNormalized: async (article) => {
        published.push(article);
      },
      deadLetter: async () => undefined,
      sleep: async () => undefined,
    },
  );
  return published.map((a) => a.article);
}

const documents = [
  ...readdirSync(samplesDir)
    .filter((f) => f.endsWith('.xml'))
    .map((f) => samplePath(f)),
  ...readdirSync(join(corpusDir, 'newsml-g2/examples'))
    .filter((f) => f.endsWith('.xml'))
    .map((f) => join(corpusDir, 'newsml-g2/examples', f)),
];

describe('wire parse', () => {
  const validate = createIptcNinjsValidator('3.1');

  it.each(documents)(
    'prints for %s exactly the valid ninjs the normalizer publishes',
    async (path) => {
      const { out } = await parse(path, path.includes('/samples/') ? 'yonhap' : 'guid');
      const printed = out.map((line) => JSON.parse(line).article);
      expect(printed).toEqual(
        await normalizerArticles(path, path.includes('/samples/') ? 'yonhap' : 'guid'),
      );
      for (const article of printed) expect(validate(article), path).toEqual([]);
    },
  );

  it('prints one JSON line per article with its ninjs, source, signal, verdict and warnings', async () => {
    const { code, out } = await parse(samplePath('yonhap-en-news-later.xml'));
    expect(code).toBe(0);
    expect(out).toHaveLength(4);
    const lines = out.map((line) => JSON.parse(line));
    const lead = lines.find((line) => line.source.wirePrefix === '(LEAD)');
    expect(lead.article.uri).toBe('urn:wire:yna:AEN202302030004');
    expect(lead.source).toMatchObject({ format: 'rss2', guid: 'AEN20230203000451315' });
    expect(lead.signal).toBe('update');
    // The feed lists the original too: the (LEAD) is its update, as the pipeline decides.
    expect(lead.verdict).toBe('updated');
    expect(Array.isArray(lead.warnings)).toBe(true);
  });

  it('exits 1 with a one-line reason for a document it cannot read', async () => {
    const file = join(tmpdir(), `wire-parse-${process.pid}.xml`);
    writeFileSync(file, '<rss><channel>');
    const { code, out, err } = await parse(file);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/XML_MALFORMED/);
  });

  it('exits 1 when the file does not exist', async () => {
    const { code, err } = await parse('/nonexistent/feed.xml');
    expect(code).toBe(1);
    expect(err[0]).toMatch(/cannot read/);
  });
});
