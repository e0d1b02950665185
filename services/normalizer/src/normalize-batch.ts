// The normalizer's stage: a run of raw documents of one partition becomes its
// normalized articles and dead letters, which the loop commits with the run's
// offsets; the done markers and the metrics follow once that commit is known.
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type BatchOutput,
  type InputBatch,
  type OutgoingRecord,
  type TopicCatalogue,
  toKafkaHeaders,
} from '@wire/kafka';
import type { Logger } from '@wire/logging';
import { deadLetter } from '@wire/schema';
import { normalizeDocument } from './normalize-document.js';
import type { CommittedDocument, NormalizerMetrics } from './normalizer-metrics.js';
import type { NormalizerState } from './normalizer-state.js';

export interface NormalizeBatchDependencies {
  state: NormalizerState;
  topics: TopicCatalogue;
  metrics: NormalizerMetrics;
  logger: Logger;
}

export function createNormalizeBatch({
  state,
  topics,
  metrics,
  logger,
}: NormalizeBatchDependencies): (batch: InputBatch) => Promise<BatchOutput> {
  return async ({ topic, partition, records }) => {
    const normalized: OutgoingRecord[] = [];
    const deadLetters: OutgoingRecord[] = [];
    const committed: (() => Promise<void>)[] = [];
    // What earlier documents of the batch claimed is not done until it commits.
    const claimedInTransaction = new Set<string>();
    for (const record of records) {
      const { headers } = record;
      const log = logger.child({
        feedId: headers['wire-feed-id'],
        fetchId: headers['wire-fetch-id'],
      });
      const origin = { stage: 'normalizer' as const, topic, partition, offset: record.offset };
      const counted: Omit<CommittedDocument, 'summary'> = {
        articles: [],
        deadLetterCodes: [],
        fetchedAt: headers['wire-fetched-at'],
      };
      const { summary, afterCommit } = await normalizeDocument(
        {
          value: record.value ?? Buffer.alloc(0),
          headers,
          deliveryId: `${topic}/${partition}/${record.offset}`,
        },
        {
          ...state,
          claimedInTransaction,
          sleep: (ms) => sleep(ms),
          publishNormalized: async (article, value) => {
            normalized.push({
              key: article.uri,
              value,
              headers: { 'wire-event-id': article.eventId },
            });
            counted.articles.push(article);
            log.debug({ uri: article.uri, verdict: article.verdict }, 'normalized');
          },
          deadLetter: async (reason) => {
            const letter = deadLetter(origin, reason, record, new Date());
            deadLetters.push({ ...letter, headers: toKafkaHeaders(letter.headers) });
            counted.deadLetterCodes.push(reason.code);
            log.warn(
              { reason: reason.code, detail: reason.detail, item: reason.item },
              'dead-lettered',
            );
          },
        },
      );
      log.info(summary, 'document normalized');
      committed.push(async () => {
        metrics.recordCommitted({ summary, ...counted }, Date.now());
        await afterCommit().catch((err: unknown) => {
          metrics.recordError(err);
          throw err;
        });
      });
    }
    return {
      records: new Map([
        [topics.normalized.name, normalized],
        [topics.dlq.name, deadLetters],
      ]),
      afterCommit: async () => {
        await Promise.all(committed.map((done) => done()));
      },
    };
  };
}
