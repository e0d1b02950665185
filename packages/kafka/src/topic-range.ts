// Reads a fixed range of a topic: per partition, from the first record at or after
// a time to the end as it was when the read began (or the first record at `until`),
// so a reprocess finishes even while the ingester keeps writing.
import { randomUUID } from 'node:crypto';
import type { KafkaMessage } from 'kafkajs';
import { createOffsetReader } from './admin.js';
import { type KafkaClient, kafkajsOf } from './client.js';
import { readHeaders } from './headers.js';

export interface PartitionRange {
  partition: number;
  /** First offset to read. */
  start: number;
  /** First offset not to read. */
  end: number;
}

export interface RangeRecord {
  partition: number;
  offset: string;
  timestamp: string;
  value: Buffer | null;
  headers: Record<string, string>;
}

export async function topicRange(
  kafka: KafkaClient,
  topic: string,
  since: Date,
  until?: Date,
): Promise<PartitionRange[]> {
  const offsets = createOffsetReader(kafka);
  try {
    const high = await offsets.endOffsets(topic);
    const from = await offsets.offsetsAt(topic, since);
    const to = until ? await offsets.offsetsAt(topic, until) : undefined;
    return high.map(({ partition, high: end }) => {
      const at = (list: { partition: number; offset: string }[] | undefined) => {
        const offset = Number(list?.find((p) => p.partition === partition)?.offset ?? -1);
        // -1: no record that late; the range ends where the partition ends.
        return offset < 0 ? Number(end) : Math.min(offset, Number(end));
      };
      return { partition, start: at(from), end: to ? at(to) : Number(end) };
    });
  } finally {
    await offsets.close();
  }
}

/**
 * Calls `onRecord` for each record of the ranges, one at a time, in offset order
 * per partition. Ends when every range is read, or when nothing came for `idleMs`
 * (the range's last offsets can be transaction markers that are never delivered);
 * returns the partitions left unfinished.
 */
export async function readRange(
  kafka: KafkaClient,
  topic: string,
  ranges: PartitionRange[],
  onRecord: (record: RangeRecord) => Promise<void>,
  idleMs = 10_000,
): Promise<number[]> {
  const pending = new Map(ranges.filter((r) => r.end > r.start).map((r) => [r.partition, r]));
  if (pending.size === 0) return [];
  const consumer = kafkajsOf(kafka).consumer({
    groupId: `wire-reprocess-${randomUUID()}`,
    readUncommitted: false,
  });
  let failure: unknown;
  let lastActivity = Date.now();
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: false });
    consumer.on(consumer.events.GROUP_JOIN, () => {
      lastActivity = Date.now();
    });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }: { partition: number; message: KafkaMessage }) => {
        lastActivity = Date.now();
        const range = pending.get(partition);
        const offset = Number(message.offset);
        if (!range || failure || offset < range.start || offset >= range.end) return;
        try {
          await onRecord({
            partition,
            offset: message.offset,
            timestamp: message.timestamp,
            value: message.value,
            headers: readHeaders(message.headers),
          });
        } catch (err) {
          failure = err;
        }
        lastActivity = Date.now();
        if (offset + 1 >= range.end) pending.delete(partition);
      },
    });
    for (const range of pending.values()) {
      consumer.seek({ topic, partition: range.partition, offset: String(range.start) });
    }
    while (pending.size > 0 && !failure && Date.now() - lastActivity < idleMs) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await consumer.disconnect();
  }
  if (failure) throw failure;
  return [...pending.keys()];
}
