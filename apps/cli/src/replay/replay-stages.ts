// The normalizer's and the publisher's stage logic run in one process, for replay
// and reprocess: a raw document in, the exact Kafka records the two services would
// write for it out (public events, latest state, routed topics, dead letters).
// Dedupe and version state live in the real Redis, under the run's prefix, so a
// replay decides as the services would. The internal wire.normalized.v1 hop is
// skipped: nothing outside the pipeline reads it, so each article goes from one
// stage to the other as the object it is, never encoded only to be parsed back.
import { setTimeout as sleep } from 'node:timers/promises';
import { readHeaders, type TopicCatalogue } from '@wire/kafka';
import {
  createNormalizerState,
  type NormalizerStateSettings,
  normalizeDocument,
} from '@wire/normalizer';
import { createPublishedEvents, planBatch, type Route } from '@wire/publisher';
import type { Redis } from '@wire/redis';
import {
  type DeadLetterOrigin,
  type DeadLetterReason,
  deadLetter,
  type NormalizedArticle,
} from '@wire/schema';

export interface ReplayRecord {
  topic: string;
  key: string | null;
  headers: Record<string, string>;
  /**
   * A public event's ninjs as the JSON text the publisher encoded, or a dead
   * letter's original bytes; null is a tombstone.
   */
  value: string | Buffer | null;
}

export interface ReplayInput {
  body: Buffer;
  headers: Record<string, string>;
  /** The same for the same input on every run, so a rerun recognises its own claims. */
  deliveryId: string;
  /** Where a dead letter says the document came from. */
  origin: Omit<DeadLetterOrigin, 'stage'>;
}

export type VerdictCounts = Record<NormalizedArticle['verdict'], number>;

export interface ReplayStep {
  records: ReplayRecord[];
  articles: number;
  verdicts: VerdictCounts;
  duplicates: number;
  deadLetters: number;
  warnings: string[];
  /** Marks the revisions done and the events published; run it once the records are written. */
  afterWrite(): Promise<void>;
}

export interface ReplayStageSettings {
  redis: Redis;
  topics: TopicCatalogue;
  /** The run's topic prefix, for routed topics. */
  topicPrefix: string;
  normalizer: NormalizerStateSettings;
  publishedTtlMs: number;
  routes: Route[];
  /** Added to every record, so readers can tell a replay from live traffic. */
  marker: Record<string, string>;
  now(): Date;
}

export interface ReplayStages {
  process(input: ReplayInput): Promise<ReplayStep>;
}

export function createReplayStages(settings: ReplayStageSettings): ReplayStages {
  const state = createNormalizerState(settings.redis, settings.normalizer);
  const published = createPublishedEvents(
    settings.redis,
    settings.normalizer.WIRE_REDIS_PREFIX,
    settings.publishedTtlMs,
  );
  const { topics } = settings;

  return {
    async process(input) {
      const normalized: NormalizedArticle[] = [];
      const records: ReplayRecord[] = [];
      const letter = (origin: DeadLetterOrigin, reason: DeadLetterReason) => {
        const original = {
          key: input.headers['wire-feed-id'] ?? null,
          value: input.body,
          headers: input.headers,
        };
        const letter = deadLetter(origin, reason, original, settings.now());
        records.push({
          topic: topics.dlq.name,
          key: original.key,
          headers: { ...letter.headers, ...settings.marker },
          value: input.body,
        });
      };
      const result = await normalizeDocument(
        { value: input.body, headers: input.headers, deliveryId: input.deliveryId },
        {
          ...state,
          sleep: (ms) => sleep(ms),
          publishNormalized: async (article) => {
            normalized.push(article);
          },
          deadLetter: async (reason) => letter({ stage: 'normalizer', ...input.origin }, reason),
        },
      );

      // The publisher's batch plan, as if these articles were one batch of
      // wire.normalized.v1, each handed over as it is.
      const messages = normalized.map((article, index) => ({
        key: Buffer.from(article.uri),
        value: null,
        decoded: article,
        headers: { 'wire-event-id': article.eventId },
        offset: String(index),
      }));
      const plan = planBatch(
        messages,
        {
          topics,
          routes: settings.routes,
          prefix: settings.topicPrefix,
          source: { topic: topics.normalized.name, partition: 0 },
          now: settings.now(),
        },
        await published.known(normalized.map((a) => a.eventId)),
      );
      for (const [topic, outgoing] of plan.topicMessages) {
        for (const record of outgoing) {
          records.push({
            topic,
            key: record.key === null ? null : String(record.key),
            headers: { ...readHeaders(record.headers), ...settings.marker },
            value: record.value,
          });
        }
      }

      const verdicts: VerdictCounts = {
        created: 0,
        updated: 0,
        corrected: 0,
        withdrawn: 0,
        superseded: 0,
      };
      const sent = plan.sent;
      for (const article of normalized) if (sent.has(article.eventId)) verdicts[article.verdict]++;
      return {
        records,
        articles: result.summary.articles,
        verdicts,
        duplicates: result.summary.duplicates + plan.duplicates,
        deadLetters: result.summary.deadLetters + plan.deadLetters.length,
        warnings: result.summary.warnings,
        async afterWrite() {
          await result.afterCommit();
          await published.remember([...plan.sent.keys()]);
        },
      };
    },
  };
}
