// Reads a topic from the beginning with a fresh consumer group, as a downstream
// newsroom system would (read_committed), collecting records for assertions.
import { randomUUID } from 'node:crypto';
import { Kafka, type KafkaMessage, logLevel } from 'kafkajs';

export interface ReadRecord {
  topic: string;
  partition: number;
  offset: string;
  /** The record's timestamp (ms since the epoch, as a string): when its producer sent it. */
  timestamp: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

export interface TopicReader {
  records: ReadRecord[];
  /** Resolves once `predicate` holds for the records read so far; rejects after timeoutMs. */
  waitFor(predicate: (records: ReadRecord[]) => boolean, timeoutMs?: number): Promise<ReadRecord[]>;
  close(): Promise<void>;
}

function toRecord(topic: string, partition: number, message: KafkaMessage): ReadRecord {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) headers[name] = first.toString();
  }
  return {
    topic,
    partition,
    offset: message.offset,
    timestamp: message.timestamp,
    key: message.key?.toString() ?? null,
    value: message.value,
    headers,
  };
}

export async function readTopics(brokers: string[], topics: string[]): Promise<TopicReader> {
  const kafka = new Kafka({ brokers, clientId: 'wire-test-reader', logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({
    groupId: `test-reader-${randomUUID()}`,
    readUncommitted: false,
  });
  const records: ReadRecord[] = [];
  await consumer.connect();
  // A topic created a moment ago may not be in every metadata answer yet.
  for (let attempt = 0; ; attempt++) {
    try {
      await consumer.subscribe({ topics, fromBeginning: true });
      break;
    } catch (err) {
      if (attempt >= 20) throw err;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      records.push(toRecord(topic, partition, message));
    },
  });
  return {
    records,
    async waitFor(predicate, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(records)) {
        if (Date.now() > deadline) {
          throw new Error(`timed out after ${timeoutMs} ms with ${records.length} records read`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return records;
    },
    close: () => consumer.disconnect(),
  };
}
