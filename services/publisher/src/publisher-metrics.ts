// The publisher's metrics: what became of each wire.normalized.v1 record, the
// public records written by kind of topic, dead letters by reason, the time from
// an article's versionCreated to its publication, and Kafka and Redis errors.
// Routed topics are one kind, not one label value each; no article id anywhere.
import { createBackendErrorCounters, createDeadLetterCounter } from '@wire/ops';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { BatchPlan } from './plan-batch.js';

export const topicKinds = ['articles', 'latest', 'routed'] as const;
export type TopicKind = (typeof topicKinds)[number];

/** The topics the publisher tells apart; every other topic it writes is a routed one. */
export interface KnownTopics {
  articles: string;
  latest: string;
  dlq: string;
}

export interface PublisherMetrics {
  /** A batch whose transaction committed: its records are acknowledged, so published. */
  recordCommitted(
    plan: Pick<BatchPlan, 'topicMessages' | 'published' | 'duplicates' | 'deadLetters'>,
    now: number,
  ): void;
  /** A batch that failed (it threw, or its transaction did); it comes again unless it committed. */
  recordFailedBatch(err: unknown): void;
  /** Counts an error as Kafka's or Redis's when it is one of theirs. */
  recordError(err: unknown): void;
  recordRedisConnectionError(): void;
  /** A record the loop set aside (STAGE_FAILED), once its transaction committed. */
  recordStageFailure(): void;
}

export function createPublisherMetrics(registry: Registry, known: KnownTopics): PublisherMetrics {
  const registers = [registry];
  const events = new Counter({
    name: 'wire_publisher_events_total',
    help: 'wire.normalized.v1 records by outcome (published, duplicate, dead_lettered).',
    labelNames: ['outcome'],
    registers,
  });
  const records = new Counter({
    name: 'wire_publisher_records_total',
    help: 'Records written to the public topics, by kind of topic (articles, latest, routed).',
    labelNames: ['kind'],
    registers,
  });
  const batches = new Counter({
    name: 'wire_publisher_batches_total',
    help: 'Batches by outcome: committed, or failed (threw; kafkajs delivers them again).',
    labelNames: ['outcome'],
    registers,
  });
  const deadLetters = createDeadLetterCounter(registry);
  const versionToPublish = new Histogram({
    name: 'wire_publisher_version_to_publish_seconds',
    help: "From the article's versionCreated to the commit of its public records.",
    buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 21600],
    registers,
  });
  const errors = createBackendErrorCounters(registry);
  // Zero from the start, so rates and "nothing published" alerts work before the first event.
  for (const outcome of ['published', 'duplicate', 'dead_lettered']) events.inc({ outcome }, 0);
  for (const kind of topicKinds) records.inc({ kind }, 0);
  for (const outcome of ['committed', 'failed']) batches.inc({ outcome }, 0);

  const kindOf = (topic: string): TopicKind | undefined => {
    if (topic === known.articles) return 'articles';
    if (topic === known.latest) return 'latest';
    return topic === known.dlq ? undefined : 'routed';
  };

  return {
    recordCommitted(plan, now) {
      batches.inc({ outcome: 'committed' });
      events.inc({ outcome: 'published' }, plan.published);
      events.inc({ outcome: 'duplicate' }, plan.duplicates);
      events.inc({ outcome: 'dead_lettered' }, plan.deadLetters.length);
      for (const letter of plan.deadLetters)
        deadLetters.inc({ stage: 'publisher', reason: letter.code });
      for (const [topic, written] of plan.topicMessages) {
        const kind = kindOf(topic);
        if (!kind) continue;
        records.inc({ kind }, written.length);
        if (kind !== 'articles') continue;
        for (const record of written) {
          const created = versionCreatedOf(record.value);
          if (created !== undefined) versionToPublish.observe(Math.max(0, now - created) / 1000);
        }
      }
    },
    recordFailedBatch(err) {
      batches.inc({ outcome: 'failed' });
      errors.record(err);
    },
    recordError: (err) => errors.record(err),
    recordRedisConnectionError: () => errors.redis.inc({ kind: 'connection' }),
    recordStageFailure: () => deadLetters.inc({ stage: 'publisher', reason: 'STAGE_FAILED' }),
  };
}

/** The versionCreated of a public record's ninjs value, in ms; undefined when it has none. */
export function versionCreatedOf(value: Buffer | string | null): number | undefined {
  if (value === null) return undefined;
  try {
    const { versionCreated } = JSON.parse(value.toString()) as { versionCreated?: unknown };
    const ms = typeof versionCreated === 'string' ? Date.parse(versionCreated) : Number.NaN;
    return Number.isFinite(ms) ? ms : undefined;
  } catch {
    return undefined;
  }
}
