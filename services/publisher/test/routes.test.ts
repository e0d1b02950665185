import { ConfigError } from '@wire/config';
import type { NormalizedArticle } from '@wire/schema';
import { describe, expect, it } from 'vitest';
import { parseRoutes, routedTopics } from '../src/index.js';

const event = (
  patch: Partial<NormalizedArticle['article']> = {},
  verdict: NormalizedArticle['verdict'] = 'created',
) =>
  ({
    eventId: 'e'.repeat(32),
    verdict,
    isLatest: true,
    uri: 'urn:wire:yna:1',
    revision: 'r',
    agency: 'yna',
    feedId: 'f',
    fetchId: 'x',
    fetchedAt: '2026-11-28T00:00:00.000Z',
    signal: 'none',
    source: { format: 'rss2' },
    warnings: [],
    article: { uri: 'urn:wire:yna:1', language: 'ko-KR', urgency: 2, ...patch },
  }) as NormalizedArticle;

const routes = parseRoutes(`
routes:
  - topic: news.agency.{agency}.v1
  - topic: news.lang.{language}.v1
  - topic: news.korean.v1
    when: { language: ko }
  - topic: news.politics.v1
    when: { subject: http://cv.iptc.org/newscodes/mediatopic/11000000 }
  - topic: news.urgent.v1
    when: { urgencyAtMost: 2, verdict: [created, updated] }
`);

describe('routedTopics', () => {
  it('fills placeholders and applies every condition of a route', () => {
    expect(routedTopics(event(), routes)).toEqual([
      'news.agency.yna.v1',
      'news.lang.ko-kr.v1',
      'news.korean.v1',
      'news.urgent.v1',
    ]);
  });

  it('matches subjects by uri and leaves out what does not match', () => {
    const politics = event({
      language: 'en',
      urgency: 5,
      subjects: [{ uri: 'http://cv.iptc.org/newscodes/mediatopic/11000000' }],
    });
    expect(routedTopics(politics, routes)).toEqual([
      'news.agency.yna.v1',
      'news.lang.en.v1',
      'news.politics.v1',
    ]);
    expect(routedTopics(event({}, 'withdrawn'), routes)).not.toContain('news.urgent.v1');
  });

  it('reduces placeholder values to safe topic characters', () => {
    const odd = { ...event({ language: undefined }), agency: 'A.P/x' } as NormalizedArticle;
    expect(routedTopics(odd, routes).slice(0, 2)).toEqual([
      'news.agency.a-p-x.v1',
      'news.lang.unknown.v1',
    ]);
  });
});

describe('parseRoutes', () => {
  it('lists what is wrong with a route', () => {
    expect(() => parseRoutes('routes:\n  - topic: "bad topic"\n    when: { colour: red }')).toThrow(
      ConfigError,
    );
  });
});

describe('the sample routes in infra/', () => {
  it('parse', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(
      new URL('../../../infra/routes.sample.yaml', import.meta.url),
      'utf8',
    );
    expect(parseRoutes(text).length).toBeGreaterThan(0);
  });
});
