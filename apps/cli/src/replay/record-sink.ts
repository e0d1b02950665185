// Where the records of a replay go: printed as JSON lines (--dry-run), or written
// to Kafka, one transaction per document, as the services write them.
import {
  connectTransactionalProducer,
  createRoutedTopicEnsurer,
  type KafkaClient,
  type OutgoingRecord,
  type TopicReplication,
  toKafkaHeaders,
} from '@wire/kafka';

import type { ReplayRecord } from './replay-stages.js';

export interface RecordSink {
  write(records: ReplayRecord[]): Promise<void>;
  close(): Promise<void>;
}

/** {"topic", "key", "headers", "value"}: the value as JSON when it is JSON (an event's ninjs). */
export function recordLine(record: ReplayRecord): string {
  const { topic, key, headers } = record;
  if (typeof record.value === 'string') {
    // An event's ninjs, JSON text as JSON.stringify wrote it: spliced in as it
    // is, the very line that parsing it and encoding it again would give.
    return `${JSON.stringify({ topic, key, headers }).slice(0, -1)},"value":${record.value}}`;
  }
  const text = record.value?.toString('utf8') ?? null;
  let value: unknown = text;
  if (text !== null) {
    try {
      value = JSON.parse(text);
    } catch {
      // A dead letter's original document: kept as text.
    }
  }
  return JSON.stringify({ topic, key, headers, value });
}

export function printingSink(print: (line: string) => void): RecordSink {
  return {
    async write(records) {
      for (const record of records) print(recordLine(record));
    },
    async close() {},
  };
}

export async function kafkaSink(
  kafka: KafkaClient,
  transactionalId: string,
  catalogueTopics: string[],
  replication?: TopicReplication,
): Promise<RecordSink> {
  const producer = await connectTransactionalProducer(kafka, transactionalId);
  const ensureRouted = createRoutedTopicEnsurer(kafka, catalogueTopics, replication);
  return {
    async write(records) {
      if (records.length === 0) return;
      const byTopic = new Map<string, OutgoingRecord[]>();
      for (const { topic, key, headers, value } of records) {
        const list = byTopic.get(topic) ?? [];
        list.push({ key, value, headers: toKafkaHeaders(headers) });
        byTopic.set(topic, list);
      }
      await ensureRouted([...byTopic.keys()]);
      await producer.commitTransaction({ records: byTopic });
    },
    close: () => producer.disconnect(),
  };
}
