// Reads a topic for a command: a fresh consumer group, read_committed, from the
// beginning or only what comes next, until the caller has enough or the topic
// stays silent for a while.
import { randomUUID } from 'node:crypto';
import type { KafkaMessage } from 'kafkajs';
import { type KafkaClient, kafkajsOf } from './client.js';
import { readHeaders } from './headers.js';

export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: string;
  timestamp: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

export interface ConsumeOptions {
  fromBeginning: boolean;
  /** Called per record; return true to stop. */
  onMessage(message: ConsumedMessage): boolean | undefined;
  /** Stop after this long without a record (0: never). */
  idleMs: number;
}

export async function consumeTopic(
  kafka: KafkaClient,
  topic: string,
  options: ConsumeOptions,
): Promise<void> {
  const consumer = kafkajsOf(kafka).consumer({
    groupId: `wire-cli-${randomUUID()}`,
    readUncommitted: false,
  });
  let lastActivity = Date.now();
  let done = false;
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: options.fromBeginning });
    consumer.on(consumer.events.GROUP_JOIN, () => {
      lastActivity = Date.now();
    });
    await consumer.run({
      eachMessage: async ({
        topic: from,
        partition,
        message,
      }: {
        topic: string;
        partition: number;
        message: KafkaMessage;
      }) => {
        if (done) return;
        lastActivity = Date.now();
        const stop = options.onMessage({
          topic: from,
          partition,
          offset: message.offset,
          timestamp: message.timestamp,
          key: message.key?.toString() ?? null,
          value: message.value,
          headers: readHeaders(message.headers),
        });
        if (stop) done = true;
      },
    });
    while (!done && (options.idleMs === 0 || Date.now() - lastActivity < options.idleMs)) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await consumer.disconnect();
  }
}
