import { describe, expect, it } from 'vitest';
import { allTopics, maxRawDocumentBytes, topicCatalogue } from '../src/index.js';

describe('topicCatalogue', () => {
  it('prefixes every topic name', () => {
    const names = allTopics(topicCatalogue('t1.')).map((spec) => spec.name);
    expect(names.every((name) => name.startsWith('t1.'))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  it('compacts the latest-state topic and only that one', () => {
    const compacted = allTopics(topicCatalogue()).filter(
      (spec) => spec.config['cleanup.policy'] === 'compact',
    );
    expect(compacted.map((spec) => spec.name)).toEqual(['news.articles.latest.v1']);
  });

  it('lets raw documents be larger than the largest document the ingester accepts', () => {
    const raw = topicCatalogue().raw;
    expect(Number(raw.config['max.message.bytes'])).toBeGreaterThan(maxRawDocumentBytes);
  });
});
