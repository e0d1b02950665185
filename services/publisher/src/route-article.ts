// The publisher's stage logic: a wire.normalized.v1 record to the records of the
// public contract. Pure: the caller writes them in one Kafka transaction. The
// article's schema is checked here and nowhere before: this is where the public
// contract is written.
import type { TopicCatalogue } from '@wire/kafka';
import { articleEventHeaders, type DeadLetterReason, normalizedArticleSchema } from '@wire/schema';
import { type Route, routedTopics } from './routes.js';

export interface PublicRecord {
  topic: string;
  key: string;
  /** null is a tombstone on the compacted latest-state topic. */
  value: string | null;
  headers: Record<string, string>;
}

export type RouteResult =
  | { kind: 'publish'; records: PublicRecord[] }
  | { kind: 'dead-letter'; reason: DeadLetterReason };

/**
 * A record's bytes as read from wire.normalized.v1. `prefix` is the run's topic
 * prefix, applied to routed topics as to every other.
 */
export function routeArticle(
  recordValue: Buffer | null,
  topics: TopicCatalogue,
  routes: Route[] = [],
  prefix = '',
): RouteResult {
  let json: unknown;
  try {
    json = JSON.parse(recordValue?.toString('utf8') ?? '');
  } catch (err) {
    return {
      kind: 'dead-letter',
      reason: { code: 'RECORD_NOT_JSON', detail: (err as Error).message },
    };
  }
  return routeDecoded(json, topics, routes, prefix);
}

/**
 * A record's value already decoded: read from bytes, or the normalizer's article
 * handed over in one process (replay), never encoded only to be parsed back.
 * Either way this is the article's one schema check, here where the public
 * contract is written: what breaks it is a dead letter, never a public event.
 */
export function routeDecoded(
  decoded: unknown,
  topics: TopicCatalogue,
  routes: Route[] = [],
  prefix = '',
): RouteResult {
  const checked = normalizedArticleSchema.safeParse(decoded);
  if (!checked.success) {
    return {
      kind: 'dead-letter',
      reason: { code: 'RECORD_INVALID', detail: checked.error.message },
    };
  }
  const normalized = checked.data;
  const headers = articleEventHeaders(normalized) as unknown as Record<string, string>;
  const value = JSON.stringify(normalized.article);
  const records: PublicRecord[] = [
    { topic: topics.articles.name, key: normalized.uri, value, headers },
  ];
  // A superseded revision goes to the firehose alone, under its own type: never to
  // a routed topic, never over the latest state.
  if (normalized.verdict === 'superseded') return { kind: 'publish', records };
  for (const topic of routedTopics(normalized, routes)) {
    records.push({ topic: `${prefix}${topic}`, key: normalized.uri, value, headers });
  }
  // A withdrawal removes the story from the latest state whatever its rank; any
  // other revision replaces the latest state only if nothing higher came before.
  if (normalized.verdict === 'withdrawn') {
    records.push({ topic: topics.latest.name, key: normalized.uri, value: null, headers });
  } else if (normalized.isLatest) {
    records.push({ topic: topics.latest.name, key: normalized.uri, value, headers });
  }
  return { kind: 'publish', records };
}
