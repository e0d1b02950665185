import { describe, expect, it } from 'vitest';
import { allTopics, maxRawDocumentBytes, routedTopicSpec, topicCatalogue } from '../src/index.js';

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

describe('topic replication', () => {
  it('is one copy on the single-node stack', () => {
    for (const spec of allTopics(topicCatalogue())) {
      expect(spec.replicationFactor).toBe(1);
      expect(spec.config['min.insync.replicas']).toBe('1');
    }
  });

  it('is what the cluster asks, for the catalogue and routed topics alike', () => {
    const replication = { factor: 3, minInsync: 2 };
    for (const spec of [
      ...allTopics(topicCatalogue('', replication)),
      routedTopicSpec('news.agency.yna.v1', replication),
    ]) {
      expect(spec.replicationFactor).toBe(3);
      expect(spec.config['min.insync.replicas']).toBe('2');
    }
    expect(topicCatalogue('', replication).latest.config['cleanup.policy']).toBe('compact');
  });
});
