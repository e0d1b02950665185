// IPTC's ninjs repository ships the ninjs its maintainers mapped four Business Wire
// NewsML 1.2 releases to (examples/1.4 for all four, 2.1 and 3.0 for two). Those files are
// the oracle: every field with a counterpart in our output is compared.
import { existsSync, readFileSync } from 'node:fs';
import { corpusDir } from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/cleaning/clean-article.js';
import { decodeNewsMl1 } from '../../src/newsml-1/decode.js';
import { newsMl1ToArticle } from '../../src/newsml-1/to-article.js';
import { decodeBytes } from '../../src/text/decode-bytes.js';
import { parseXml, type XmlNode } from '../../src/xml/parse-xml.js';

const releases = ['20130515006361', '20130605006126', '20130612006110', '20130731006140'];
const examples = `${corpusDir}/ninjs/examples`;

interface Oracle {
  headline?: string;
  headlines?: { value: string }[];
  version?: string;
  versionCreated?: string;
  versioncreated?: string;
  language?: string;
  urgency?: number;
  by?: string;
  byline?: string;
  subjects?: { name?: string }[];
  subject?: { name?: string }[];
}

interface Comparison {
  release: string;
  field: string;
  matches: boolean;
}

const squash = (value: string | undefined) => value?.replace(/\s+/g, ' ').trim();
const names = (subjects: { name?: string | undefined }[] | undefined) =>
  (subjects ?? []).flatMap((subject) => subject.name ?? []).sort();

function compare(release: string): Comparison[] {
  const newer = `${examples}/3.0/businesswire-newsml-${release}.json`;
  const oraclePath = existsSync(newer)
    ? newer
    : `${examples}/1.4/businesswire-newsml-${release}.json`;
  const oracle = JSON.parse(readFileSync(oraclePath, 'utf8')) as Oracle;
  const xml = decodeBytes(
    readFileSync(`${examples}/NewsML/businesswire-newsml-${release}.xml`),
  ).text;
  const { articles } = newsMl1ToArticle(decodeNewsMl1(parseXml(xml).tree.NewsML as XmlNode, xml), {
    feedId: 'oracle',
    fetchedAt: '2024-01-01T00:00:00.000Z',
  });
  const [parsed] = articles.map(cleanArticle);
  const article = parsed?.article;
  const expected = {
    headline: squash(oracle.headlines?.[0]?.value ?? oracle.headline),
    version: oracle.version,
    versionCreated: oracle.versionCreated ?? oracle.versioncreated,
    language: oracle.language,
    urgency: oracle.urgency,
    by: oracle.by ?? oracle.byline,
    subjects: oracle.subjects ?? oracle.subject,
  };
  const checks: Record<string, () => boolean> = {
    headline: () => squash(article?.headlines?.[0]?.value) === expected.headline,
    version: () => parsed?.source.version === expected.version,
    versionCreated: () =>
      Date.parse(article?.versionCreated ?? '') === Date.parse(expected.versionCreated ?? ''),
    language: () => article?.language === expected.language,
    urgency: () => article?.urgency === expected.urgency,
    by: () => article?.by === expected.by,
    subjects: () => names(article?.subjects).join('|') === names(expected.subjects).join('|'),
  };
  return Object.entries(checks)
    .filter(([field]) => expected[field as keyof typeof expected] !== undefined)
    .map(([field, check]) => ({ release, field, matches: check() }));
}

describe('newsMl1ToArticle against the ninjs IPTC mapped the Business Wire releases to', () => {
  const comparisons = releases.flatMap(compare);
  const matched = comparisons.filter((comparison) => comparison.matches);
  const rate = matched.length / comparisons.length;

  it('compares the fields the oracle has: headline, version, dates, language, subjects', () => {
    expect(new Set(comparisons.map((c) => c.field))).toEqual(
      new Set(['headline', 'version', 'versionCreated', 'language', 'subjects']),
    );
    expect(comparisons).toHaveLength(20);
  });

  it('agrees with the oracle on at least 95% of those fields', () => {
    const misses = comparisons.filter((c) => !c.matches).map((c) => `${c.release} ${c.field}`);
    console.info(`ninjs oracle: ${matched.length}/${comparisons.length} fields match`, misses);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });
});
