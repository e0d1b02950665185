// kafkajs's sendMessages, as patches/kafkajs@2.2.4.patch leaves it: when a send
// fails because a partition's leader went away and the partition then moves to a
// broker that already answered for other partitions, the retry must still send
// that partition's records. Unpatched, kafkajs kept answers per broker, skipped
// the broker on the retry and resolved without them: a transaction then
// committed without those records (found by the chaos test on the three-broker
// cluster, a killed broker's partitions losing their records while the stage's
// Redis markers said done).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const sendMessagesOf = require('kafkajs/src/producer/sendMessages.js') as (
  deps: unknown,
) => (request: unknown) => Promise<{ topicName: string; partition: number }[]>;
const createRetry = require('kafkajs/src/retry') as (options: unknown) => unknown;

interface FakeBroker {
  nodeId: number;
  produced: { topic: string; partitions: number[] }[];
  produce(request: {
    topicData: { topic: string; partitions: { partition: number }[] }[];
  }): Promise<unknown>;
}

function fakeBroker(nodeId: number, failFirst = false): FakeBroker {
  let failures = failFirst ? 1 : 0;
  const broker: FakeBroker = {
    nodeId,
    produced: [],
    async produce({ topicData }) {
      if (failures-- > 0) {
        const err = new Error('Connection error: connect ECONNREFUSED');
        err.name = 'KafkaJSConnectionError';
        throw err;
      }
      broker.produced.push(
        ...topicData.map(({ topic, partitions }) => ({
          topic,
          partitions: partitions.map((p) => Number(p.partition)),
        })),
      );
      return {
        topics: topicData.map(({ topic, partitions }) => ({
          topicName: topic,
          partitions: partitions.map(({ partition }) => ({
            partition: Number(partition),
            errorCode: 0,
            baseOffset: '0',
          })),
        })),
      };
    },
  };
  return broker;
}

describe('kafkajs sendMessages (patched)', () => {
  it('sends a partition whose leader moved to a broker that already answered for others', async () => {
    const one = fakeBroker(1);
    const two = fakeBroker(2, true);
    // Partition 1 is led by broker 2 until its first send fails, then by broker 1.
    let moved = false;
    const cluster = {
      targetTopics: new Set(['t']),
      async addMultipleTargetTopics() {},
      async refreshMetadataIfNecessary() {},
      async refreshMetadata() {
        moved = true;
      },
      isConnected: () => true,
      removeBroker() {},
      findTopicPartitionMetadata: () => [
        { partitionId: 0, leader: 1 },
        { partitionId: 1, leader: moved ? 1 : 2 },
      ],
      findLeaderForPartitions(_topic: string, partitions: string[]) {
        const perLeader: Record<string, number[]> = {};
        for (const partition of partitions) {
          const leader = Number(partition) === 1 && !moved ? 2 : 1;
          perLeader[leader] = [...(perLeader[leader] ?? []), Number(partition)];
        }
        return perLeader;
      },
      async findBroker({ nodeId }: { nodeId: string }) {
        return Number(nodeId) === 1 ? one : two;
      },
    };
    const sequences = new Map<string, number>();
    const eosManager = {
      isTransactional: () => false,
      async acquireBrokerLock() {},
      async releaseBrokerLock() {},
      getSequence: (topic: string, partition: number) =>
        sequences.get(`${topic}/${partition}`) ?? 0,
      updateSequence(topic: string, partition: number, n: number) {
        sequences.set(`${topic}/${partition}`, (sequences.get(`${topic}/${partition}`) ?? 0) + n);
      },
      getProducerId: () => -1,
      getProducerEpoch: () => 0,
      getTransactionalId: () => undefined,
    };
    const logger = { debug() {}, error() {}, info() {}, warn() {} };
    const send = sendMessagesOf({
      logger,
      cluster,
      partitioner: ({ message }: { message: { partition: number } }) => message.partition,
      eosManager,
      retrier: createRetry({ retries: 3, initialRetryTime: 1, maxRetryTime: 10 }),
    });
    const answers = await send({
      acks: -1,
      timeout: 1000,
      topicMessages: [
        {
          topic: 't',
          messages: [
            { key: 'a', value: 'to partition 0', partition: 0 },
            { key: 'b', value: 'to partition 1', partition: 1 },
          ],
        },
      ],
    });
    const sent = [...one.produced, ...two.produced].flatMap((r) => r.partitions).sort();
    expect(sent).toEqual([0, 1]);
    expect(answers.map((a) => a.partition).sort()).toEqual([0, 1]);
    // The retry sent partition 1 alone, to its new leader, and not partition 0 again.
    expect(one.produced.map((r) => r.partitions)).toEqual([[0], [1]]);
  });
});
