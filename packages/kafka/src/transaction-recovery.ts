// After a transaction failed, whether it committed is not known: the broker may
// have written the commit and died before it answered. Redoing the records then
// would publish them twice. So the partition's position is in doubt until it is
// settled: opening the partition's producer again makes the coordinator finish or
// abort whatever was pending for its transactional id, and only then is the
// group's committed offset final; the consumer goes on from there. A doubt that
// cannot be settled yet (the broker still down) stays, and is settled before the
// partition's next batch. When it turns out to have committed, the work owed
// after its commit (the normalizer's done markers) runs then: left undone, its
// records would wait out their claims and be sent again.
//
// A partition just assigned is in doubt too: its previous owner may have died
// with a transaction pending, and kafkajs reads committed offsets without
// waiting for pending ones (no require_stable), so the new owner could start
// from an offset that the pending commit then moves past, and redo its records.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Admin, Consumer } from 'kafkajs';
import { type KafkaClient, kafkajsOf } from './client.js';
import type { PartitionProducers } from './producer.js';

/** What a failed transaction leaves to do if it committed all the same. */
export interface UnsettledWork {
  /** The offset of its last record: it committed when the group moved past it. */
  lastOffset: string;
  /** Its after-commit work (marking records done), run once it is known to have committed. */
  onCommitted(): Promise<void>;
}

export interface TransactionRecovery {
  /** A transaction on this partition failed: its position is in doubt. */
  doubt(topic: string, partition: number, work?: UnsettledWork): void;
  /**
   * When the partition's position is in doubt, settles it and moves the consumer
   * to the group's committed offset (`firstOffset`, the batch's first record, when
   * the group never committed there), and answers true: the caller drops its
   * batch. Throws, and the doubt stays, when the broker cannot be reached.
   */
  settle(topic: string, partition: number, firstOffset: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Why a partition's position is in doubt: a failure waits a moment before settling. */
type Doubt = { kind: 'failed'; work?: UnsettledWork } | { kind: 'assigned' };

export function createTransactionRecovery(
  kafka: KafkaClient,
  consumer: Consumer,
  producers: PartitionProducers,
  groupId: string,
  pauseMs = 1_000,
): TransactionRecovery {
  const doubts = new Map<string, Doubt>();
  const keyOf = (topic: string, partition: number) => `${topic}\n${partition}`;
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    for (const [topic, partitions] of Object.entries(payload.memberAssignment)) {
      for (const partition of partitions) {
        const key = keyOf(topic, partition);
        if (!doubts.has(key)) doubts.set(key, { kind: 'assigned' });
      }
    }
  });
  let admin: Admin | undefined;
  let connected: Promise<void> | undefined;
  return {
    doubt(topic, partition, work) {
      doubts.set(keyOf(topic, partition), { kind: 'failed', ...(work && { work }) });
    },
    async settle(topic, partition, firstOffset) {
      const key = keyOf(topic, partition);
      const doubt = doubts.get(key);
      if (!doubt) return false;
      // A moment before trying again, so a failure that repeats does not spin.
      if (doubt.kind === 'failed') await sleep(pauseMs);
      await producers.reopen(topic, partition);
      admin ??= kafkajsOf(kafka).admin();
      connected ??= admin.connect().catch((err: unknown) => {
        connected = undefined;
        throw err;
      });
      await connected;
      const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
      const committed = offsets?.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
      // It committed after all: its after-commit work is owed (throws, and the doubt stays).
      if (
        doubt.kind === 'failed' &&
        doubt.work &&
        BigInt(committed) > BigInt(doubt.work.lastOffset)
      )
        await doubt.work.onCommitted();
      consumer.seek({ topic, partition, offset: Number(committed) >= 0 ? committed : firstOffset });
      doubts.delete(key);
      return true;
    },
    async close() {
      if (connected) await admin?.disconnect();
    },
  };
}
