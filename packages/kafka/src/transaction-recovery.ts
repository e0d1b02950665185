// After a transaction failed, whether it committed is not known: the broker may
// have written the commit and died before it answered. Redoing the records then
// would publish them twice. So the consumer goes back to where the group's
// committed offset says it stands, once the transaction is settled: opening the
// partition's producer again makes the coordinator finish or abort whatever was
// pending for its transactional id, and only then is the committed offset final.
import type { Admin, Consumer, Kafka } from 'kafkajs';
import type { PartitionProducers } from './producer.js';

export interface TransactionRecovery {
  /**
   * Settles the partition's last transaction and moves the consumer to the
   * group's committed offset for it (`firstOffset`, the failed run's first record,
   * when the group never committed there). Throws when the broker cannot be
   * reached; the caller's batch then fails and comes again.
   */
  recover(topic: string, partition: number, firstOffset: string): Promise<string>;
  close(): Promise<void>;
}

export function createTransactionRecovery(
  kafka: Kafka,
  consumer: Consumer,
  producers: PartitionProducers,
  groupId: string,
): TransactionRecovery {
  let admin: Admin | undefined;
  let connected: Promise<void> | undefined;
  return {
    async recover(topic, partition, firstOffset) {
      await producers.forPartition(topic, partition);
      admin ??= kafka.admin();
      connected ??= admin.connect().catch((err: unknown) => {
        connected = undefined;
        throw err;
      });
      await connected;
      const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
      const committed = offsets?.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
      const offset = Number(committed) >= 0 ? committed : firstOffset;
      consumer.seek({ topic, partition, offset });
      return offset;
    },
    async close() {
      if (connected) await admin?.disconnect();
    },
  };
}
