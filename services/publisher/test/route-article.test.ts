import { topicCatalogue } from '@wire/kafka';
import type { NormalizedArticle } from '@wire/schema';
import { createIptcNinjsValidator } from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import { routeArticle, routeDecoded } from '../src/index.js';

const topics = topicCatalogue('t.');
const normalized: NormalizedArticle = {
  eventId: 'f'.repeat(32),
  verdict: 'created',
  isLatest: true,
  uri: 'urn:wire:yna:AEN202302030004',
  revision: 'r1',
  agency: 'yna',
  feedId: 'yna-en-news',
  fetchId: 'f1',
  fetchedAt: '2026-11-28T10:00:00.000Z',
  signal: 'none',
  source: { format: 'rss2', guid: 'AEN20230203000400315' },
  warnings: [],
  article: { uri: 'urn:wire:yna:AEN202302030004', headlines: [{ value: 'h' }], language: 'en' },
};
const encode = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('routeArticle', () => {
  it('writes the ninjs article, keyed by uri, to the firehose and the latest-state topic', () => {
    const routed = routeArticle(encode(normalized), topics);
    expect(routed.kind).toBe('publish');
    if (routed.kind !== 'publish') return;
    expect(routed.records.map((r) => r.topic)).toEqual([
      't.news.articles.v1',
      't.news.articles.latest.v1',
    ]);
    for (const record of routed.records) {
      expect(record.key).toBe(normalized.uri);
      expect(JSON.parse(record.value ?? '')).toEqual(normalized.article);
      expect(createIptcNinjsValidator()(JSON.parse(record.value ?? ''))).toEqual([]);
      expect(record.headers).toMatchObject({
        ce_id: normalized.eventId,
        ce_type: 'dev.wire.article.created.v1',
      });
    }
  });

  it('writes a tombstone to the latest-state topic when a story is withdrawn', () => {
    const routed = routeArticle(
      encode({ ...normalized, verdict: 'withdrawn', signal: 'kill' }),
      topics,
    );
    if (routed.kind !== 'publish') throw new Error('expected publish');
    expect(routed.records[0]?.value).not.toBeNull();
    expect(routed.records[1]?.value).toBeNull();
    expect(routed.records[1]?.headers.ce_type).toBe('dev.wire.article.withdrawn.v1');
  });

  it("adds the routed topics, with the run's prefix", () => {
    const routes = [{ topic: 'news.agency.{agency}.v1', when: {} }];
    const routed = routeArticle(encode(normalized), topics, routes, 't.');
    if (routed.kind !== 'publish') throw new Error('expected publish');
    expect(routed.records.map((r) => r.topic)).toContain('t.news.agency.yna.v1');
  });

  it('leaves the latest state alone for a revision that arrived after a higher one', () => {
    const routed = routeArticle(
      encode({ ...normalized, verdict: 'updated', isLatest: false }),
      topics,
    );
    if (routed.kind !== 'publish') throw new Error('expected publish');
    expect(routed.records.map((r) => r.topic)).toEqual(['t.news.articles.v1']);
  });

  it('dead-letters a record that is not JSON or breaks the schema', () => {
    expect(routeArticle(Buffer.from('{'), topics)).toMatchObject({
      kind: 'dead-letter',
      reason: { code: 'RECORD_NOT_JSON' },
    });
    const invalid = encode({ ...normalized, article: { ...normalized.article, uri: 'not a uri' } });
    expect(routeArticle(invalid, topics)).toMatchObject({
      kind: 'dead-letter',
      reason: { code: 'RECORD_INVALID' },
    });
    expect(routeArticle(null, topics)).toMatchObject({ kind: 'dead-letter' });
  });

  it('routes an article handed over as an object exactly as it routes its bytes', () => {
    const routes = [{ topic: 'news.agency.{agency}.v1', when: {} }];
    // Key order and absent values as the normalizer builds them, not the schema's.
    const built = {
      ...normalized,
      article: { version: '1', ...normalized.article, firstCreated: undefined },
    };
    expect(routeDecoded(built, topics, routes, 't.')).toEqual(
      routeArticle(encode(built), topics, routes, 't.'),
    );
  });

  it('dead-letters an article handed over as an object that breaks the schema', () => {
    const invalid = { ...normalized, article: { ...normalized.article, urgency: 12 } };
    expect(routeDecoded(invalid, topics)).toMatchObject({
      kind: 'dead-letter',
      reason: { code: 'RECORD_INVALID', detail: expect.stringContaining('urgency') },
    });
  });
});
