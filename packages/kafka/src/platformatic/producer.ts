// The producers over @platformatic/kafka: acks=all and idempotent, and
// transactional ones whose offsets carry the consumer group member that read the
// input (KIP-447), so one transactional producer serves a whole instance.
//
// Records go to the partition kafkajs (and Java) would choose for their key
// (murmur2, positive), not @platformatic/kafka's default (murmur2 unsigned,
// which differs when the hash's top bit is set): the same key lands on the same
// partition whichever client wrote it. Records without a key go round robin.
import type { Consumer, Message, MessageToProduce } from '@platformatic/kafka';
import { murmur2, Producer } from '@platformatic/kafka';
import { type KafkaClient, logSinkOf, platformaticOptions } from '../client.js';
import { classifyKafkaError } from '../errors.js';
import type {
  AcknowledgedProducer,
  OutgoingRecord,
  PartitionProducers,
  TransactionalProducer,
  TransactionContent,
} from '../producer.js';
import { sendRequests } from '../producer.js';

// A partition's records go out in requests under the broker's default message
// size, as with kafkajs (see producer.ts).
const maxRequestBytes = 512 * 1024;

/**
 * How long the coordinator lets one of our transactions stay open before it
 * aborts it (and how long a produce request may wait for the replicas). A
 * crashed instance whose id is not used again holds the offsets of the
 * partitions it was committing for about this long (plus the broker's abort
 * check, 10 s by default) before their next owner can read them.
 */
export const transactionTimeoutMs = 15_000;

/**
 * What a new producer registers as: no producer id yet. @platformatic/kafka 2.12.1
 * sends producer id 0, epoch 0 unless told, which the broker takes for an old
 * incarnation of a transactional id it already knows (PRODUCER_FENCED): a
 * transactional id could not be opened a second time.
 */
const newIncarnation = { producerId: -1n, producerEpoch: -1 };

const bytes = (value: Buffer | string | null | undefined) =>
  value === null || value === undefined
    ? undefined
    : Buffer.isBuffer(value)
      ? value
      : Buffer.from(value);

/** A record as @platformatic/kafka sends it: bytes, headers as bytes, partition by key. */
export function toMessage(topic: string, record: OutgoingRecord): MessageToProduce {
  const headers = new Map<Buffer, Buffer>();
  for (const [name, value] of Object.entries(record.headers ?? {}))
    headers.set(Buffer.from(name), bytes(value) as Buffer);
  const message: MessageToProduce = { topic, headers };
  const key = bytes(record.key);
  const value = bytes(record.value);
  if (key !== undefined) {
    message.key = key;
    message.partition = keyPartition(key);
  }
  // No value: a tombstone (the record is written with a null value).
  if (value !== undefined) message.value = value;
  return message;
}

/** kafkajs's and Java's default partitioner before the modulo (the producer takes it). */
export function keyPartition(key: Buffer): number {
  return murmur2(key) & 0x7fffffff;
}

function newProducer(kafka: KafkaClient, transactionalId?: string): Producer {
  const producer = new Producer({
    ...platformaticOptions(kafka),
    idempotent: true,
    timeout: transactionTimeoutMs,
    ...(transactionalId !== undefined && { transactionalId }),
  });
  const sink = logSinkOf(kafka);
  producer.on('error', (err: Error) =>
    sink?.('error', 'kafka producer error', { err, transactionalId }),
  );
  return producer;
}

export async function connectPlatformaticProducer(
  kafka: KafkaClient,
): Promise<AcknowledgedProducer> {
  const open = async () => {
    const producer = newProducer(kafka);
    try {
      await producer.initIdempotentProducer(newIncarnation);
    } catch (err) {
      await producer.close().catch(() => undefined);
      throw classifyKafkaError(err);
    }
    return producer;
  };
  // A send that failed may leave the producer's sequence numbers ahead of what the
  // broker has: the next send starts afresh, with a new producer id.
  let current: Promise<Producer> | undefined = open();
  const ready = () => {
    current ??= open();
    current.catch(() => {
      current = undefined;
    });
    return current;
  };
  await ready();
  return {
    async send(topic, records) {
      const producer = await ready();
      try {
        await producer.send({ messages: records.map((record) => toMessage(topic, record)) });
      } catch (err) {
        current = undefined;
        await producer.close().catch(() => undefined);
        throw classifyKafkaError(err);
      }
    },
    async disconnect() {
      const producer = await current?.catch(() => undefined);
      current = undefined;
      await producer?.close();
    },
  };
}

/** A transactional producer that can also be opened afresh (see reopen). */
export interface ReopeningTransactionalProducer extends TransactionalProducer {
  /**
   * Closes the producer and opens it again with the same transactional id, whose
   * registration (InitProducerId) makes the coordinator finish or abort whatever
   * transaction of that id was pending, and fences any other producer with it.
   */
  reopen(): Promise<void>;
}

export async function connectPlatformaticTransactionalProducer(
  kafka: KafkaClient,
  transactionalId: string,
): Promise<ReopeningTransactionalProducer> {
  const open = async () => {
    const producer = newProducer(kafka, transactionalId);
    try {
      // The first transaction registers the id; nothing is sent in this one.
      await (await producer.beginTransaction(newIncarnation)).cancel();
    } catch (err) {
      await producer.close().catch(() => undefined);
      throw classifyKafkaError(err);
    }
    return producer;
  };
  let current: Promise<Producer> | undefined;
  const ready = () => {
    current ??= open();
    current.catch(() => {
      current = undefined;
    });
    return current;
  };
  const close = async () => {
    const producer = await current?.catch(() => undefined);
    current = undefined;
    await producer?.close(true).catch(() => undefined);
  };
  await ready();
  return {
    async commitTransaction(content) {
      const producer = await ready();
      const transaction = await producer.beginTransaction().catch((err: unknown) => {
        throw classifyKafkaError(err);
      });
      try {
        await writeTransaction(transaction, content);
        await transaction.commit();
      } catch (err) {
        await transaction.abort().catch(() => undefined);
        // Whatever state it is in, a producer whose transaction failed is not used
        // again: the next transaction opens it afresh (and the coordinator settles
        // the one that failed, if it was still pending).
        await close();
        throw classifyKafkaError(err);
      }
    },
    async reopen() {
      await close();
      await ready();
    },
    disconnect: close,
  };
}

type Transaction = Awaited<ReturnType<Producer['beginTransaction']>>;

async function writeTransaction(
  transaction: Transaction,
  { records, offsets }: TransactionContent,
): Promise<void> {
  for (const request of sendRequests(records, maxRequestBytes)) {
    await transaction.send({
      messages: request.flatMap(({ topic, messages }) =>
        messages.map((message) => toMessage(topic, message as OutgoingRecord)),
      ),
    });
  }
  if (!offsets) return;
  const { groupId, topic, partition, offset, member } = offsets;
  if (!member) {
    throw new Error(
      '@platformatic/kafka commits offsets only with the group member that read them',
    );
  }
  // The library takes the group and the offset from what it reads of a consumer
  // and a consumed message: only these fields.
  await transaction.addConsumer({ groupId } as Consumer);
  await transaction.addOffset({
    topic,
    partition,
    // It commits the offset after the message's.
    offset: BigInt(offset) - 1n,
    metadata: { consumer: { groupId, ...member } },
  } as unknown as Message);
}

/**
 * The loop's producer for an instance on @platformatic/kafka: one transactional
 * producer for every partition it consumes. It needs no producer per partition
 * because the offsets it commits carry the group generation they were read in
 * (KIP-447): once a partition moved to another member, the broker refuses them.
 */
export function createInstanceProducers(
  kafka: KafkaClient,
  transactionalId: string,
): PartitionProducers {
  let connecting: Promise<ReopeningTransactionalProducer> | undefined;
  const producer = () => {
    connecting ??= connectPlatformaticTransactionalProducer(kafka, transactionalId);
    connecting.catch(() => {
      connecting = undefined;
    });
    return connecting;
  };
  return {
    forPartition: () => producer(),
    async reopen() {
      await (await producer()).reopen();
    },
    async disconnect() {
      const open = await connecting?.catch(() => undefined);
      connecting = undefined;
      await open?.disconnect();
    },
  };
}
