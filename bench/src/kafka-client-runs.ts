// wire's Kafka adapter (@wire/kafka) driven as the services drive it, over
// whichever library the client was made for: acknowledged sends as the ingester
// makes them, transactions of a batch of records, and the exactly-once loop
// reading a topic back. Each returns the seconds of the part that counts, so the
// client benchmark can compare the two libraries round by round.
import {
  type AcknowledgedProducer,
  createTransactionalProducers,
  type KafkaClient,
  type OutgoingRecord,
  startTransactionalBatchConsumer,
  type TransactionalProducer,
} from '@wire/kafka';
import { waitUntil } from '@wire/testkit';

const secondsSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

/**
 * Sends each record on its own, `inFlight` sends at a time: the ingester sends
 * each changed document as its poll ends, and many polls run at once.
 */
export async function produceAcknowledged(
  producer: AcknowledgedProducer,
  topic: string,
  records: readonly OutgoingRecord[],
  inFlight: number,
): Promise<number> {
  const start = process.hrtime.bigint();
  let next = 0;
  const sender = async () => {
    while (next < records.length) {
      const record = records[next++] as OutgoingRecord;
      await producer.send(topic, [record]);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, sender));
  return secondsSince(start);
}

/** Commits the records in transactions of `perTransaction`, one after another. */
export async function produceInTransactions(
  producer: TransactionalProducer,
  topic: string,
  records: readonly OutgoingRecord[],
  perTransaction: number,
): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < records.length; i += perTransaction) {
    const batch = records.slice(i, i + perTransaction);
    await producer.commitTransaction({ records: new Map([[topic, batch]]) });
  }
  return secondsSince(start);
}

export interface LoopRead {
  /** From the first run handed to the stage to the last one committed. */
  seconds: number;
  /** From starting the consumer to its first run: the group join and first fetch. */
  firstRunSeconds: number;
}

export interface LoopReadSettings {
  topic: string;
  /** A group of its own, so the loop reads the topic from the beginning. */
  groupId: string;
  transactionalIdStem: string;
  /** The records the topic holds: the read ends once they all committed. */
  records: number;
  recordsPerTransaction: number;
}

/**
 * Reads a topic through the exactly-once loop the stages run, with a stage
 * that writes nothing: each run of records commits only its offsets, in a
 * transaction, as a stage's would with its output.
 */
export async function readThroughLoop(
  kafka: KafkaClient,
  settings: LoopReadSettings,
): Promise<LoopRead> {
  const start = process.hrtime.bigint();
  let firstRun: bigint | undefined;
  let lastCommit = start;
  let committed = 0;
  const producers = createTransactionalProducers(kafka, settings.transactionalIdStem, 'bench');
  const consumer = await startTransactionalBatchConsumer(
    kafka,
    {
      groupId: settings.groupId,
      topics: [settings.topic],
      fromBeginning: true,
      recordsPerTransaction: settings.recordsPerTransaction,
    },
    producers,
    async (batch) => {
      firstRun ??= process.hrtime.bigint();
      return {
        records: new Map(),
        afterCommit: async () => {
          committed += batch.records.length;
          lastCommit = process.hrtime.bigint();
        },
      };
    },
  );
  try {
    await waitUntil(() => committed >= settings.records, {
      timeoutMs: 180_000,
      what: `${settings.records} records through the loop from ${settings.topic}`,
    });
  } finally {
    await consumer.stop();
    await producers.disconnect();
  }
  const first = firstRun ?? start;
  return {
    seconds: Number(lastCommit - first) / 1e9,
    firstRunSeconds: Number(first - start) / 1e9,
  };
}
