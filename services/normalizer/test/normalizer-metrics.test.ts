import { createMetricsRegistry } from '@wire/ops';
import { describe, expect, it } from 'vitest';
import {
  type CommittedDocument,
  createNormalizerMetrics,
  documentOutcome,
} from '../src/normalizer-metrics.js';

const summary = (counts: Partial<CommittedDocument['summary']>) => ({
  articles: 0,
  published: 0,
  duplicates: 0,
  deadLetters: 0,
  emptyItems: 0,
  textLoss: { warned: 0, deadLettered: 0 },
  warnings: [],
  ...counts,
});

const setup = () => {
  const registry = createMetricsRegistry('normalizer');
  return { registry, metrics: createNormalizerMetrics(registry) };
};

describe('normalizer metrics', () => {
  it('name the outcome of a document from its summary', () => {
    expect(documentOutcome(summary({ articles: 3, published: 1, duplicates: 2 }))).toBe(
      'published',
    );
    expect(documentOutcome(summary({ articles: 2, duplicates: 2 }))).toBe('duplicate');
    expect(documentOutcome(summary({ deadLetters: 1 }))).toBe('dead_lettered');
    expect(documentOutcome(summary({ articles: 1, deadLetters: 1 }))).toBe('dead_lettered');
    expect(documentOutcome(summary({}))).toBe('empty');
  });

  it('count a committed document, its verdicts, duplicates, dead letters and latency', async () => {
    const { registry, metrics } = setup();
    metrics.recordCommitted(
      {
        summary: summary({
          articles: 5,
          published: 3,
          duplicates: 1,
          deadLetters: 1,
          emptyItems: 2,
          textLoss: { warned: 1, deadLettered: 0 },
        }),
        articles: [
          { verdict: 'created' },
          {
            verdict: 'updated',
            nearDuplicate: { of: 'urn:a', distance: 2, relation: 'same-story' },
          },
          { verdict: 'created', nearDuplicate: { of: 'urn:b', distance: 1, relation: 'related' } },
        ],
        deadLetterCodes: ['ARTICLE_INVALID'],
        fetchedAt: '2026-01-01T00:00:00.000Z',
      },
      Date.parse('2026-01-01T00:00:03.000Z'),
    );
    const text = await registry.metrics();
    expect(text).toContain(
      'wire_normalizer_documents_total{outcome="published",service="normalizer"} 1',
    );
    expect(text).toContain(
      'wire_normalizer_articles_total{verdict="created",service="normalizer"} 2',
    );
    expect(text).toContain(
      'wire_normalizer_articles_total{verdict="updated",service="normalizer"} 1',
    );
    expect(text).toContain('wire_normalizer_duplicates_total{kind="exact",service="normalizer"} 1');
    expect(text).toContain('wire_normalizer_duplicates_total{kind="near",service="normalizer"} 1');
    expect(text).toContain(
      'wire_normalizer_duplicates_total{kind="related",service="normalizer"} 1',
    );
    expect(text).toContain(
      'wire_dead_letters_total{stage="normalizer",reason="ARTICLE_INVALID",service="normalizer"} 1',
    );
    expect(text).toContain(
      'wire_normalizer_item_checks_total{check="empty",action="skipped",service="normalizer"} 2',
    );
    expect(text).toContain(
      'wire_normalizer_item_checks_total{check="text_loss",action="warned",service="normalizer"} 1',
    );
    expect(text).toContain(
      'wire_normalizer_item_checks_total{check="text_loss",action="dead_lettered",service="normalizer"} 0',
    );
    // 3 s: in the 5 s bucket, not in the 2.5 s one.
    expect(text).toContain(
      'wire_normalizer_fetched_to_acked_seconds_bucket{le="2.5",service="normalizer"} 0',
    );
    expect(text).toContain(
      'wire_normalizer_fetched_to_acked_seconds_bucket{le="5",service="normalizer"} 1',
    );
  });

  it('observe no latency for a document without a readable fetch time', async () => {
    const { registry, metrics } = setup();
    metrics.recordCommitted(
      {
        summary: summary({ deadLetters: 1 }),
        articles: [],
        deadLetterCodes: ['RAW_HEADERS_INVALID'],
        fetchedAt: undefined,
      },
      Date.now(),
    );
    const text = await registry.metrics();
    expect(text).toContain(
      'wire_normalizer_documents_total{outcome="dead_lettered",service="normalizer"} 1',
    );
    expect(text).toContain(
      'wire_normalizer_fetched_to_acked_seconds_count{service="normalizer"} 0',
    );
  });

  it('start every outcome, verdict and error at zero so rates exist before the first event', async () => {
    const { registry } = setup();
    const text = await registry.metrics();
    for (const verdict of ['created', 'updated', 'corrected', 'withdrawn']) {
      expect(text).toContain(
        `wire_normalizer_articles_total{verdict="${verdict}",service="normalizer"} 0`,
      );
    }
    expect(text).toContain(
      'wire_normalizer_documents_total{outcome="failed",service="normalizer"} 0',
    );
    expect(text).toContain('wire_kafka_errors_total{code="KAFKA_TIMEOUT",service="normalizer"} 0');
    expect(text).toContain('wire_redis_errors_total{kind="connection",service="normalizer"} 0');
  });

  it("count a failed document's error as Kafka's, Redis's or neither", async () => {
    const { registry, metrics } = setup();
    const named = (name: string) => Object.assign(new Error('x'), { name });
    metrics.recordFailedDocument(named('KafkaJSRequestTimeoutError'));
    metrics.recordFailedDocument(named('ReplyError'));
    metrics.recordFailedDocument(new TypeError('a bug'));
    metrics.recordRedisConnectionError();
    const text = await registry.metrics();
    expect(text).toContain(
      'wire_normalizer_documents_total{outcome="failed",service="normalizer"} 3',
    );
    expect(text).toContain('wire_kafka_errors_total{code="KAFKA_TIMEOUT",service="normalizer"} 1');
    expect(text).toContain('wire_kafka_errors_total{code="KAFKA_REJECTED",service="normalizer"} 0');
    expect(text).toContain('wire_redis_errors_total{kind="command",service="normalizer"} 1');
    expect(text).toContain('wire_redis_errors_total{kind="connection",service="normalizer"} 1');
  });
});
