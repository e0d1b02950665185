// Fidelity on real agency documents: for every document of the agency corpus
// (test/fixtures/agency, each folder with its SOURCE.txt), what the normalizer
// would publish is compared with what the document itself says, read by an
// independent oracle. The properties hold for every document; the few that do
// not yet are listed in known-gaps.ts with their reason, and a gap that closes
// fails the test until it is taken off the list.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DeadLetterReason, NormalizedArticle } from '@wire/schema';
import { createIptcNinjsValidator } from '@wire/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeDocument } from '../src/index.js';
import { knownGaps, type Property } from './fidelity/known-gaps.js';
import { coverage, type ExpectedItem, expectedDocument } from './fidelity/oracle.js';
import { memoryDependencies } from './memory-dependencies.js';

const corpus = join(import.meta.dirname, 'fixtures/agency');
const files = readdirSync(corpus, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.(xml|rss|atom|newsml)$/.test(entry.name))
  .map((entry) => relative(corpus, join(entry.parentPath, entry.name)))
  .sort();

const validate = createIptcNinjsValidator('3.1');
const natures = new Set(['text', 'picture', 'video', 'audio', 'graphic', 'composite']);
/** Tracking pixels, share buttons and beacons: never a story's picture. */
const chrome = /\/~(ff|r|a)\/|feeds\.feedburner\.com|doubleclick|pixel|beacon|\/1x1\b|spacer\.gif/i;

async function normalize(bytes: Buffer, file: string) {
  const { deps, published, deadLetters } = memoryDependencies();
  const result = await normalizeDocument(
    {
      value: bytes,
      headers: {
        'wire-feed-id': 'agency-corpus',
        'wire-agency': 'corpus',
        // Where the file would be served from: relative references resolve there.
        'wire-url': `https://corpus.wire.invalid/${file}`,
        'wire-fetch-id': 'fidelity',
        'wire-fetched-at': '2026-12-01T00:00:00.000Z',
        'wire-http-status': '200',
        'wire-content-type': '',
        'wire-sha256': 'f'.repeat(64),
        'wire-identity': 'guid',
      },
      deliveryId: 'fidelity',
    },
    deps,
  );
  await result.afterCommit();
  return { published, deadLetters: deadLetters as DeadLetterReason[] };
}

const squash = (text: string | undefined) => text?.replace(/\s+/g, ' ').trim() ?? '';

/** The text an article keeps: what a reader of it can see. */
function keptText(article: NormalizedArticle['article']): string {
  return [
    ...(article.headlines ?? []).map((h) => h.value),
    ...(article.descriptions ?? []).map((d) => d.value),
    ...(article.bodies ?? []).filter((b) => b.contentType === 'text/plain').map((b) => b.value),
    ...(article.associations ?? []).flatMap((a) => (a.descriptions ?? []).map((d) => d.value)),
    article.by ?? '',
    article.located ?? '',
    article.slugline ?? '',
  ].join(' ');
}

function canonicalLanguage(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    return tag;
  }
}

/** A headline kept, or kept without the agency's marker in front (CORRECTED-, UPDATE 1-). */
function sameHeadline(expected: string, actual: string): boolean {
  if (expected === actual) return true;
  // Inline markup in a title (`₹<span>4,000</span>`) separates no words.
  if (expected.replace(/\s/g, '') === actual.replace(/\s/g, '')) return true;
  return actual !== '' && expected.endsWith(actual) && expected.length - actual.length <= 24;
}

function problemsOf(expected: ExpectedItem, found: NormalizedArticle | undefined) {
  const problems = new Map<Property, string>();
  if (!found) {
    problems.set('article', 'no article for the item');
    return problems;
  }
  const { article } = found;
  const invalid = validate(article);
  if (invalid.length > 0) problems.set('ninjs', invalid.join('; '));
  const headline = squash(article.headlines?.[0]?.value);
  if (expected.headline && !sameHeadline(squash(expected.headline), headline))
    problems.set(
      'headline',
      `${JSON.stringify(headline)} for ${JSON.stringify(expected.headline)}`,
    );
  if (
    expected.version &&
    article.version !== expected.version &&
    found.source.version?.split('.').at(-1) !== expected.version
  )
    problems.set('version', `${article.version} for ${expected.version}`);
  if (expected.pubStatus && article.pubStatus !== expected.pubStatus)
    problems.set('pubStatus', `${article.pubStatus} for ${expected.pubStatus}`);
  if (expected.type && natures.has(expected.type) && article.type !== expected.type)
    problems.set('type', `${article.type} for ${expected.type}`);
  if (expected.language && article.language !== canonicalLanguage(expected.language))
    problems.set('language', `${article.language} for ${expected.language}`);
  const kept = keptText(article);
  const share = Math.max(
    ...[expected.contentText, ...(expected.alternatives ?? [])].map((text) => coverage(text, kept)),
  );
  if (share < 0.95) problems.set('body', `${(share * 100).toFixed(1)} % of the content text kept`);
  const pictures = (article.associations ?? []).filter((a) => chrome.test(a.uri ?? ''));
  if (pictures.length > 0) problems.set('chrome', pictures.map((a) => a.uri).join(', '));
  return problems;
}

/** Each item with its article: by guid, else by headline, else by place; each article once. */
function pair(items: ExpectedItem[], published: NormalizedArticle[]) {
  const unused = new Set(published);
  const take = (test: (article: NormalizedArticle) => boolean) => {
    const found = [...unused].find(test);
    if (found) unused.delete(found);
    return found;
  };
  return items.map((item, index) => ({
    item,
    article:
      (item.guid ? take((a) => a.source.guid === item.guid) : undefined) ??
      (item.headline
        ? take((a) => sameHeadline(squash(item.headline), squash(a.article.headlines?.[0]?.value)))
        : undefined) ??
      (items.length === published.length ? take((a) => a === published[index]) : undefined),
  }));
}

/** Per source folder: documents, articles checked, documents with every property holding. */
const figures = new Map<string, { documents: number; articles: number; right: number }>();

describe('fidelity on real agency documents', () => {
  // The per-source figures docs/conformance.md quotes.
  afterAll(() => {
    const rows = [...figures].map(
      ([source, f]) => `| ${source} | ${f.documents} | ${f.articles} | ${f.right} |`,
    );
    console.log(['| source | documents | articles | fully right |', ...rows].join('\n'));
  });

  it('has a corpus worth the name', () => {
    expect(files.length).toBeGreaterThanOrEqual(50);
  });

  it.each(files)('%s keeps what the agency sent', async (file) => {
    const bytes = readFileSync(join(corpus, file));
    const expected = expectedDocument(bytes);
    expect(expected, 'the oracle knows the format').toBeDefined();
    const { published, deadLetters } = await normalize(bytes, file);
    const found: string[] = [];
    const news = expected?.items.filter((i) => i.headline || i.contentText.trim()) ?? [];
    if (news.length > 0 && published.length === 0)
      found.push(`article: none published (${deadLetters.map((d) => d.code).join(', ')})`);
    for (const { item, article } of pair(news, published)) {
      for (const [property, detail] of problemsOf(item, article))
        found.push(`${property}: ${item.guid ?? ''} ${detail}`);
    }
    const source = file.split('/')[0] ?? file;
    const tally = figures.get(source) ?? { documents: 0, articles: 0, right: 0 };
    tally.documents += 1;
    tally.articles += published.length;
    if (found.length === 0) tally.right += 1;
    figures.set(source, tally);
    const gaps = knownGaps[file] ?? {};
    const failing = [...new Set(found.map((line) => line.split(':')[0] as Property))].sort();
    expect(failing, found.join('\n')).toEqual(Object.keys(gaps).sort());
  });
});
