import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import type { G2NewsItem } from '../../src/newsml-g2/g2-item.js';
import type { ParsedArticle } from '../../src/parsed-article.js';
import { htmlToText } from '../../src/text/html.js';
import { loadG2, ninjsProblems } from './load-g2.js';

// dpa's digitalwires JSON (input) and the NewsML-G2 dpa's converter made of it
// (output): the JSON gives the values the G2 parse should find.
const pairsDir = join(corpusDir, 'agency-wire/dpa-digitalwires');

interface Digitalwires {
  urn: string;
  version: number;
  version_created: string;
  embargoed: string | null;
  pubstatus: string | null;
  signal: string | null;
  urgency: number | null;
  language: string | null;
  headline: string | null;
  byline: string | null;
  teaser: string | null;
  dateline: string | null;
  copyrightnotice: string | null;
  article_html: string | null;
  dpasubject_names: string[];
  geosubject_names: string[];
  keyword_names: string[];
  genre_names: string[];
  associations: { urn: string; renditions?: { url: string }[] }[];
}

interface Check {
  field: string;
  expected: unknown;
  actual: unknown;
}

const pairs = readdirSync(join(pairsDir, 'input'))
  .map((file) => file.replace(/\.json$/, ''))
  .filter((name) => existsSync(join(pairsDir, 'output', `${name}.xml`)));

const instant = (value: string | null | undefined) =>
  value ? new Date(value).toISOString() : undefined;
const words = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim();
const signalOf = (json: Digitalwires) =>
  json.pubstatus === 'canceled'
    ? 'kill'
    : ({ 'sig:correction': 'correction', 'sig:update': 'update' }[json.signal ?? ''] ?? 'none');

function checks(json: Digitalwires, parsed: ParsedArticle, item: G2NewsItem): Check[] {
  const { article, source } = parsed;
  const names = (rel?: string) =>
    (article.subjects ?? []).filter((s) => s.rel === rel).map((s) => s.name);
  const subjects = [...json.dpasubject_names, ...json.geosubject_names];
  const plain = words(article.bodies?.find((b) => b.contentType === 'text/plain')?.value) ?? '';
  const bodyLines = htmlToText(json.article_html ?? '')
    .split('\n')
    .map(words)
    .filter((line): line is string => !!line);
  const isText = item.itemMeta.itemClass?.qcode === 'ninat:text';
  const all: (Check | false)[] = [
    { field: 'guid', expected: json.urn, actual: source.guid },
    { field: 'version', expected: String(json.version), actual: source.version },
    {
      field: 'versionCreated',
      expected: instant(json.version_created),
      actual: article.versionCreated,
    },
    { field: 'embargoedUntil', expected: instant(json.embargoed), actual: article.embargoedUntil },
    json.pubstatus !== null && {
      field: 'pubStatus',
      expected: json.pubstatus,
      actual: article.pubStatus,
    },
    { field: 'signal', expected: signalOf(json), actual: parsed.signal },
    json.urgency !== null && { field: 'urgency', expected: json.urgency, actual: article.urgency },
    json.language !== null && {
      field: 'language',
      expected: json.language,
      actual: article.language,
    },
    json.headline !== null && {
      field: 'headline',
      expected: words(json.headline),
      actual: article.headlines?.[0]?.value,
    },
    json.byline !== null && { field: 'by', expected: words(json.byline), actual: article.by },
    json.teaser !== null && {
      field: 'teaser',
      expected: true,
      actual: article.descriptions?.some((d) => d.value === words(json.teaser)) ?? false,
    },
    json.dateline !== null && {
      field: 'dateline',
      expected: words(json.dateline),
      actual: item.contentMeta.dateline,
    },
    json.copyrightnotice !== null && {
      field: 'copyrightNotice',
      expected: words(json.copyrightnotice),
      actual: article.copyrightNotice,
    },
    subjects.length > 0 && {
      field: 'subjects',
      expected: true,
      actual: subjects.every((name) => names().includes(name)),
    },
    json.keyword_names.length > 0 && {
      field: 'keywords',
      expected: json.keyword_names,
      actual: names('keyword'),
    },
    json.genre_names.length > 0 && {
      field: 'genres',
      expected: json.genre_names,
      actual: article.genres?.map((g) => g.name),
    },
    bodyLines.length > 0 && {
      field: 'body',
      expected: [],
      actual: bodyLines.filter((line) => !plain.includes(line)),
    },
    isText && {
      field: 'associations',
      expected: json.associations.map((a) => a.urn),
      actual: (article.associations ?? []).map((a) => a.uri),
    },
    !isText && {
      field: 'renditions',
      expected: json.associations[0]?.renditions?.map((r) => r.url),
      actual: article.renditions?.map((r) => r.href),
    },
  ];
  return all.filter((check): check is Check => check !== false);
}

const results = pairs.map((name) => {
  const json = JSON.parse(readFileSync(join(pairsDir, 'input', `${name}.json`), 'utf8'));
  const loaded = loadG2(join(pairsDir, 'output', `${name}.xml`));
  const [parsed] = loaded.articles;
  const item = loaded.items[0] as G2NewsItem;
  if (!parsed) throw new Error(`${name} gave no article`);
  const found = checks(json as Digitalwires, parsed, item).map((check) => ({
    ...check,
    pair: name,
    ok: JSON.stringify(check.expected) === JSON.stringify(check.actual),
  }));
  return { name, loaded, found };
});
const allChecks = results.flatMap((result) => result.found);
const passRate = allChecks.filter((check) => check.ok).length / allChecks.length;

describe('dpa digitalwires pairs: NewsML-G2 parsed against the JSON it was made from', () => {
  it('covers at least fifteen pairs with over two hundred field checks', () => {
    expect(results.length).toBeGreaterThanOrEqual(15);
    expect(allChecks.length).toBeGreaterThan(200);
  });

  it('gives one valid ninjs article per pair', () => {
    for (const { loaded } of results) {
      expect(loaded.articles).toHaveLength(1);
      expect(ninjsProblems(loaded.articles[0]?.article ?? {})).toEqual([]);
    }
  });

  it('matches at least 97% of the fields the JSON gives', () => {
    expect(passRate).toBeGreaterThanOrEqual(0.97);
  });

  it.each(['guid', 'version', 'versionCreated', 'signal', 'headline'])(
    'matches %s in every pair',
    (field) => {
      const misses = allChecks.filter((c) => c.field === field && !c.ok).map((c) => c.pair);
      expect(misses).toEqual([]);
    },
  );
});
