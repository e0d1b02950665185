// What the Kafka contract tests share: a client per library, topics of their own,
// and read_committed reading of what a test wrote. The readers and the admin
// calls are kafkajs whichever library a test runs (see client.ts).
import { randomUUID } from 'node:crypto';
import { kafkajsOf } from '../src/client.js';
import {
  connectProducer,
  createKafkaClient,
  createOffsetReader,
  type KafkaClient,
  type KafkaLibrary,
  kafkaLibraries,
  type StringHeaders,
  startRecordConsumer,
} from '../src/index.js';

export const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/** Each library's client, for describe.each. */
export function clientsFor(clientId: string): [KafkaLibrary, KafkaClient][] {
  return kafkaLibraries.map((library) => [
    library,
    createKafkaClient({ brokers, clientId: `${clientId}-${library}`, library }),
  ]);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition()) && Date.now() < deadline) await sleep(100);
}

/** Topics of one partition each; `values` written to the first, keyed by themselves. */
export async function topicsWith(
  kafka: KafkaClient,
  names: string[],
  values: string[] = [],
  headers: (value: string) => Record<string, string> = () => ({}),
): Promise<void> {
  const admin = kafkajsOf(kafka).admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: names.map((topic) => ({ topic, numPartitions: 1 })),
    });
  } finally {
    await admin.disconnect();
  }
  if (values.length === 0) return;
  const producer = await connectProducer(kafka);
  try {
    await producer.send(
      names[0] as string,
      values.map((v) => ({ key: v, value: v, headers: headers(v) })),
    );
  } finally {
    await producer.disconnect();
  }
}

export interface ReadRecord {
  topic: string;
  partition: number;
  key: string;
  value: string;
  headers: StringHeaders;
}

/** Every committed record of the topics, read until `until` holds or `waitMs` pass. */
export async function readCommitted(
  kafka: KafkaClient,
  topics: string[],
  until: (seen: ReadRecord[]) => boolean,
  waitMs = 30_000,
): Promise<ReadRecord[]> {
  const seen: ReadRecord[] = [];
  const consumer = await startRecordConsumer(
    kafka,
    { groupId: `test-reader-${randomUUID()}`, topics, fromBeginning: true },
    async ({ topic, partition, key, value, headers }) => {
      seen.push({
        topic,
        partition,
        key: key?.toString() ?? '',
        value: value?.toString() ?? '',
        headers,
      });
    },
  );
  await waitFor(() => until(seen), waitMs);
  await sleep(1_000);
  await consumer.stop();
  return seen;
}

/** The group's committed offset in a topic's partition 0 (-1: none). */
export async function committedOffset(
  kafka: KafkaClient,
  groupId: string,
  topic: string,
): Promise<number> {
  const reader = createOffsetReader(kafka);
  try {
    const offsets = await reader.committed(groupId, topic);
    return Number(offsets.find((p) => p.partition === 0)?.offset ?? -1);
  } finally {
    await reader.close();
  }
}
