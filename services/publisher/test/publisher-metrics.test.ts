import { createMetricsRegistry } from '@wire/ops';
import { describe, expect, it } from 'vitest';
import { createPublisherMetrics, versionCreatedOf } from '../src/publisher-metrics.js';

const known = {
  articles: 'news.articles.v1',
  latest: 'news.articles.latest.v1',
  dlq: 'wire.dlq.v1',
};
const setup = () => {
  const registry = createMetricsRegistry('publisher');
  return { registry, metrics: createPublisherMetrics(registry, known) };
};
const article = (versionCreated?: string) => ({
  key: 'urn:a',
  value: JSON.stringify({ uri: 'urn:a', ...(versionCreated && { versionCreated }) }),
});

describe('publisher metrics', () => {
  it('count a committed batch by outcome, by kind of topic, and its dead letters by reason', async () => {
    const { registry, metrics } = setup();
    metrics.recordCommitted(
      {
        topicMessages: new Map([
          ['news.articles.v1', [article('2026-01-01T00:00:00Z'), article('2026-01-01T00:00:50Z')]],
          ['news.articles.latest.v1', [article(), { key: 'urn:b', value: null }]],
          ['news.yna.v1', [article()]],
          ['news.ko.v1', [article()]],
          ['wire.dlq.v1', [article()]],
        ]),
        published: 2,
        duplicates: 3,
        deadLetters: [{ offset: '7', code: 'RECORD_INVALID' }],
      },
      Date.parse('2026-01-01T00:01:00Z'),
    );
    const text = await registry.metrics();
    expect(text).toContain('wire_publisher_records_total{kind="articles",service="publisher"} 2');
    expect(text).toContain('wire_publisher_records_total{kind="latest",service="publisher"} 2');
    expect(text).toContain('wire_publisher_records_total{kind="routed",service="publisher"} 2');
    expect(text).toContain(
      'wire_publisher_events_total{outcome="published",service="publisher"} 2',
    );
    expect(text).toContain(
      'wire_publisher_events_total{outcome="duplicate",service="publisher"} 3',
    );
    expect(text).toContain(
      'wire_publisher_events_total{outcome="dead_lettered",service="publisher"} 1',
    );
    expect(text).toContain(
      'wire_dead_letters_total{stage="publisher",reason="RECORD_INVALID",service="publisher"} 1',
    );
    expect(text).toContain(
      'wire_publisher_batches_total{outcome="committed",service="publisher"} 1',
    );
    // One article 60 s old, one 10 s old: the latency is observed once per article.
    expect(text).toContain(
      'wire_publisher_version_to_publish_seconds_count{service="publisher"} 2',
    );
    expect(text).toContain(
      'wire_publisher_version_to_publish_seconds_bucket{le="15",service="publisher"} 1',
    );
    expect(text).toContain(
      'wire_publisher_version_to_publish_seconds_bucket{le="60",service="publisher"} 2',
    );
    expect(text).not.toContain('news.yna.v1');
  });

  it('start every kind of topic at zero, so "nothing published" can be told from "never scraped"', async () => {
    const { registry } = setup();
    const text = await registry.metrics();
    for (const kind of ['articles', 'latest', 'routed']) {
      expect(text).toContain(`wire_publisher_records_total{kind="${kind}",service="publisher"} 0`);
    }
  });

  it('count a failed batch, with its error', async () => {
    const { registry, metrics } = setup();
    metrics.recordFailedBatch(
      Object.assign(new Error('broker gone'), { name: 'KafkaJSConnectionError' }),
    );
    const text = await registry.metrics();
    expect(text).toContain('wire_publisher_batches_total{outcome="failed",service="publisher"} 1');
    expect(text).toContain(
      'wire_kafka_errors_total{code="KAFKA_UNAVAILABLE",service="publisher"} 1',
    );
    expect(text).toContain('wire_redis_errors_total{kind="command",service="publisher"} 0');
  });

  it('read versionCreated from a public record, and nothing from a tombstone or a record without it', () => {
    expect(versionCreatedOf('{"versionCreated":"2026-01-01T00:00:00Z"}')).toBe(
      Date.parse('2026-01-01T00:00:00Z'),
    );
    expect(versionCreatedOf(Buffer.from('{"versionCreated":"2026-01-01T00:00:00Z"}'))).toBe(
      Date.parse('2026-01-01T00:00:00Z'),
    );
    expect(versionCreatedOf(null)).toBeUndefined();
    expect(versionCreatedOf('{"uri":"urn:a"}')).toBeUndefined();
    expect(versionCreatedOf('not json')).toBeUndefined();
  });
});
