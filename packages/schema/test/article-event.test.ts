import { describe, expect, it } from 'vitest';
import {
  articleEventHeaders,
  articleEventHeadersSchema,
  type NormalizedArticle,
  normalizedArticleSchema,
} from '../src/index.js';

const normalized: NormalizedArticle = {
  eventId: '0123456789abcdef0123456789abcdef',
  verdict: 'updated',
  isLatest: true,
  uri: 'urn:wire:yna:AEN202302030004',
  revision: 'r1',
  agency: 'yna',
  feedId: 'yna-en-news',
  fetchId: 'f1',
  fetchedAt: '2023-02-03T00:00:00.000Z',
  signal: 'update',
  source: { format: 'rss2', guid: 'AEN20230203000451315' },
  warnings: [],
  article: {
    uri: 'urn:wire:yna:AEN202302030004',
    versionCreated: '2023-02-03T09:10:00+09:00',
    language: 'en',
    headlines: [{ value: 'h' }],
  },
};

describe('articleEventHeaders', () => {
  it('maps the verdict to a CloudEvents type and keeps the deterministic id', () => {
    const headers = articleEventHeaders(normalizedArticleSchema.parse(normalized));
    expect(headers.ce_id).toBe(normalized.eventId);
    expect(headers.ce_type).toBe('dev.wire.article.updated.v1');
    expect(headers.ce_subject).toBe(normalized.uri);
    expect(headers.ce_time).toBe('2023-02-03T09:10:00+09:00');
    expect(headers.ce_language).toBe('en');
    expect(articleEventHeadersSchema.parse(headers)).toEqual(headers);
  });

  it("says when the agency's publication constraints left parts out, and only then", () => {
    const constrained = {
      ...normalized,
      source: { ...normalized.source, publicationConstraints: ['dpapconstraint:nonpublic', 'x:y'] },
    };
    const headers = articleEventHeaders(normalizedArticleSchema.parse(constrained));
    expect(headers.ce_pubconstraint).toBe('dpapconstraint:nonpublic x:y');
    expect(articleEventHeadersSchema.parse(headers)).toEqual(headers);
    expect(articleEventHeaders(normalized).ce_pubconstraint).toBeUndefined();
  });

  it('falls back to the fetch time when the article has no versionCreated', () => {
    const { versionCreated: _, ...article } = normalized.article;
    const headers = articleEventHeaders({ ...normalized, article });
    expect(headers.ce_time).toBe(normalized.fetchedAt);
  });
});

describe('normalizedArticleSchema', () => {
  it('refuses an article property that ninjs does not define', () => {
    const bad = { ...normalized, article: { ...normalized.article, signal: 'kill' } };
    expect(normalizedArticleSchema.safeParse(bad).success).toBe(false);
  });
});
