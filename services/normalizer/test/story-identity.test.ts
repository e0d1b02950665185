import type { ParsedArticle } from '@wire/feeds';
import { describe, expect, it } from 'vitest';
import { eventIdOf, revisionOf, storyIdentity } from '../src/index.js';

const article = (
  source: ParsedArticle['source'],
  text = 'Body',
  subjects?: string[],
): ParsedArticle => ({
  article: {
    headlines: [{ value: 'Headline' }],
    bodies: [{ contentType: 'text/plain', value: text }],
    ...(subjects && { subjects: subjects.map((name) => ({ name })) }),
  },
  source,
  signal: 'none',
  warnings: [],
});

describe('storyIdentity', () => {
  it('names a Yonhap story by its id without revision digits and desk code', () => {
    const original = storyIdentity(
      article({ format: 'rss2', guid: 'AEN20230203000400315' }),
      'yonhap',
      'yna',
    );
    const lead = storyIdentity(
      article({ format: 'rss2', guid: 'AEN20230203000451315' }),
      'yonhap',
      'yna',
    );
    expect(original).toEqual({ uri: 'urn:wire:yna:AEN202302030004', strategy: 'yonhap' });
    expect(lead.uri).toBe(original.uri);
  });

  it('falls back to the guid when a Yonhap-strategy id does not look like one', () => {
    expect(storyIdentity(article({ format: 'rss2', guid: 'odd id/1' }), 'yonhap', 'yna')).toEqual({
      uri: 'urn:wire:yna:odd%20id%2F1',
      strategy: 'guid',
    });
  });

  it('keeps a guid that is already a global name, as NewsML guids are', () => {
    const g2 = article({
      format: 'newsml-g2',
      guid: 'urn:newsml:yna.co.kr:20230203:AEN20230203000400315',
    });
    expect(storyIdentity(g2, 'guid', 'yna').uri).toBe(
      'urn:newsml:yna.co.kr:20230203:AEN20230203000400315',
    );
  });

  it('falls back guid → link → content', () => {
    const byLink = storyIdentity(
      article({ format: 'rss2', link: 'https://x.org/a?utm_source=rss' }),
      'guid',
      'x',
    );
    expect(byLink.strategy).toBe('link');
    expect(
      storyIdentity(article({ format: 'rss2', link: 'https://X.org/a#top' }), 'link', 'x').uri,
    ).toBe(byLink.uri);
    const byContent = storyIdentity(article({ format: 'rss2' }), 'guid', 'x');
    expect(byContent.strategy).toBe('content');
    expect(byContent.uri).toMatch(/^urn:wire:x:content:[0-9a-f]{32}$/);
  });
});

describe('revisionOf and eventIdOf', () => {
  it('ignore section categories, so one story in two section feeds is one revision', () => {
    const inNews = article({ format: 'rss2', guid: 'g' }, 'Body', ['North Korea', 'Politics']);
    const inNorthKorea = article({ format: 'rss2', guid: 'g' }, 'Body', ['North Korea']);
    expect(revisionOf(inNews)).toBe(revisionOf(inNorthKorea));
  });

  it('change when the text changes', () => {
    expect(revisionOf(article({ format: 'rss2' }, 'A'))).not.toBe(
      revisionOf(article({ format: 'rss2' }, 'B')),
    );
  });

  it('derive a deterministic event id from uri and revision', () => {
    expect(eventIdOf('urn:a', 'r1')).toBe(eventIdOf('urn:a', 'r1'));
    expect(eventIdOf('urn:a', 'r1')).not.toBe(eventIdOf('urn:a', 'r2'));
    expect(eventIdOf('urn:a', 'r1')).toMatch(/^[0-9a-f]{32}$/);
  });
});
