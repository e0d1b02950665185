// The normalizer's metrics: what became of each raw document, the verdicts and
// duplicates among its articles, dead letters by reason, how long after the fetch
// its output was acknowledged, and Kafka and Redis errors. Every label comes from
// a closed list (outcomes, verdicts, error codes); no feed URL, no article id.
import { createBackendErrorCounters, createDeadLetterCounter } from '@wire/ops';
import { type NormalizedArticle, verdicts } from '@wire/schema';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { NormalizeSummary } from './normalize-document.js';

export const documentOutcomes = [
  'published',
  'duplicate',
  'empty',
  'dead_lettered',
  'failed',
] as const;
export type DocumentOutcome = (typeof documentOutcomes)[number];

/** What one raw record produced, counted once its transaction committed. */
export interface CommittedDocument {
  summary: NormalizeSummary;
  articles: Pick<NormalizedArticle, 'verdict' | 'nearDuplicate'>[];
  deadLetterCodes: string[];
  /** The raw record's wire-fetched-at header, when it had one. */
  fetchedAt: string | undefined;
}

export interface NormalizerMetrics {
  recordCommitted(document: CommittedDocument, now: number): void;
  /** A record whose transaction aborted; it will be delivered again. */
  recordFailedDocument(err: unknown): void;
  /** Counts an error as Kafka's or Redis's when it is one of theirs. */
  recordError(err: unknown): void;
  recordRedisConnectionError(): void;
  /** A record the loop set aside (STAGE_FAILED), once its transaction committed. */
  recordStageFailure(): void;
}

export function documentOutcome(summary: NormalizeSummary): DocumentOutcome {
  if (summary.articles === 0) return summary.deadLetters > 0 ? 'dead_lettered' : 'empty';
  if (summary.published > 0) return 'published';
  return summary.duplicates > 0 ? 'duplicate' : 'dead_lettered';
}

export function createNormalizerMetrics(registry: Registry): NormalizerMetrics {
  const registers = [registry];
  const documents = new Counter({
    name: 'wire_normalizer_documents_total',
    help: 'Raw documents by outcome (published, duplicate, empty, dead_lettered, failed).',
    labelNames: ['outcome'],
    registers,
  });
  const articles = new Counter({
    name: 'wire_normalizer_articles_total',
    help: 'Article revisions written to wire.normalized.v1, by verdict.',
    labelNames: ['verdict'],
    registers,
  });
  const duplicates = new Counter({
    name: 'wire_normalizer_duplicates_total',
    help: 'Duplicates: exact (dropped), near (joined its story) or related (another agency).',
    labelNames: ['kind'],
    registers,
  });
  const deadLetters = createDeadLetterCounter(registry);
  const fetchedToAcked = new Histogram({
    name: 'wire_normalizer_fetched_to_acked_seconds',
    help: "From the raw document's wire-fetched-at to the commit of the normalizer's output.",
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900],
    registers,
  });
  const itemChecks = new Counter({
    name: 'wire_normalizer_item_checks_total',
    help: 'Items that failed a content check: no content at all (skipped), or text lost against the source (warned, dead_lettered).',
    labelNames: ['check', 'action'],
    registers,
  });
  const errors = createBackendErrorCounters(registry);
  // Zero from the start, so rates and "nothing happened" alerts work before the first event.
  for (const outcome of documentOutcomes) documents.inc({ outcome }, 0);
  for (const verdict of verdicts) articles.inc({ verdict }, 0);
  for (const kind of ['exact', 'near', 'related']) duplicates.inc({ kind }, 0);
  itemChecks.inc({ check: 'empty', action: 'skipped' }, 0);
  itemChecks.inc({ check: 'text_loss', action: 'warned' }, 0);
  itemChecks.inc({ check: 'text_loss', action: 'dead_lettered' }, 0);

  return {
    recordCommitted(document, now) {
      documents.inc({ outcome: documentOutcome(document.summary) });
      duplicates.inc({ kind: 'exact' }, document.summary.duplicates);
      const { emptyItems, textLoss } = document.summary;
      itemChecks.inc({ check: 'empty', action: 'skipped' }, emptyItems);
      itemChecks.inc({ check: 'text_loss', action: 'warned' }, textLoss.warned);
      itemChecks.inc({ check: 'text_loss', action: 'dead_lettered' }, textLoss.deadLettered);
      for (const article of document.articles) {
        articles.inc({ verdict: article.verdict });
        const relation = article.nearDuplicate?.relation;
        if (relation) duplicates.inc({ kind: relation === 'same-story' ? 'near' : 'related' });
      }
      for (const reason of document.deadLetterCodes) {
        deadLetters.inc({ stage: 'normalizer', reason });
      }
      const fetchedAt = Date.parse(document.fetchedAt ?? '');
      if (Number.isFinite(fetchedAt)) fetchedToAcked.observe(Math.max(0, now - fetchedAt) / 1000);
    },
    recordFailedDocument(err) {
      documents.inc({ outcome: 'failed' });
      errors.record(err);
    },
    recordError: (err) => errors.record(err),
    recordRedisConnectionError: () => errors.redis.inc({ kind: 'connection' }),
    recordStageFailure: () => deadLetters.inc({ stage: 'normalizer', reason: 'STAGE_FAILED' }),
  };
}
