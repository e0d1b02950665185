// What one transaction of the publisher writes for a batch of wire.normalized.v1
// records: the public records grouped by topic, dead letters for records that
// break the contract, and nothing for an event id already published (a repeat the
// normalizer could not rule out), so read_committed readers see each event once.
import type { OutgoingRecord, TopicCatalogue } from '@wire/kafka';
import { toKafkaHeaders } from '@wire/kafka';
import { type DeadLetterCode, deadLetter } from '@wire/schema';
import { routeArticle, routeDecoded } from './route-article.js';
import type { Route } from './routes.js';

export interface BatchMessage {
  key: Buffer | null;
  /** The record's bytes as read from wire.normalized.v1. */
  value: Buffer | null;
  headers: Record<string, string>;
  offset: string;
  /**
   * The record's value already decoded, in place of its bytes: the normalizer's
   * article handed over in one process (replay). Checked all the same.
   */
  decoded?: unknown;
}

export interface BatchSettings {
  topics: TopicCatalogue;
  routes: Route[];
  prefix: string;
  source: { topic: string; partition: number };
  now: Date;
}

export interface BatchPlan {
  /** Records to send, by topic, in the order of the batch. */
  topicMessages: Map<string, OutgoingRecord[]>;
  /** Each event id this batch publishes, with the offset of the record carrying it. */
  sent: Map<string, string>;
  published: number;
  duplicates: number;
  deadLetters: { offset: string; code: DeadLetterCode }[];
}

export function planBatch(
  messages: BatchMessage[],
  settings: BatchSettings,
  alreadyPublished: ReadonlySet<string>,
): BatchPlan {
  const plan: BatchPlan = {
    topicMessages: new Map(),
    sent: new Map(),
    published: 0,
    duplicates: 0,
    deadLetters: [],
  };
  const add = (topic: string, record: OutgoingRecord) => {
    const list = plan.topicMessages.get(topic) ?? [];
    list.push(record);
    plan.topicMessages.set(topic, list);
  };
  for (const message of messages) {
    const { topics, routes, prefix } = settings;
    const routed =
      message.decoded === undefined
        ? routeArticle(message.value, topics, routes, prefix)
        : routeDecoded(message.decoded, topics, routes, prefix);
    if (routed.kind === 'dead-letter') {
      const origin = { stage: 'publisher' as const, ...settings.source, offset: message.offset };
      const letter = deadLetter(
        origin,
        routed.reason,
        {
          key: message.key,
          // A handed-over article is encoded only to be kept as a dead letter.
          value: message.decoded === undefined ? message.value : JSON.stringify(message.decoded),
          headers: message.headers,
        },
        settings.now,
      );
      add(settings.topics.dlq.name, { ...letter, headers: toKafkaHeaders(letter.headers) });
      plan.deadLetters.push({ offset: message.offset, code: routed.reason.code });
      continue;
    }
    const eventId = routed.records[0]?.headers.ce_id ?? '';
    if (alreadyPublished.has(eventId) || plan.sent.has(eventId)) {
      plan.duplicates++;
      continue;
    }
    for (const record of routed.records) {
      add(record.topic, {
        key: record.key,
        value: record.value,
        headers: toKafkaHeaders(record.headers),
      });
    }
    plan.sent.set(eventId, message.offset);
    plan.published++;
  }
  return plan;
}

/** The event ids a batch carries, read without validating the records. */
export function eventIdsOf(messages: BatchMessage[]): string[] {
  return messages.flatMap((m) => m.headers['wire-event-id'] ?? []);
}
