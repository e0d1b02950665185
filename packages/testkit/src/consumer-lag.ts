// Whether a consumer group has committed every record of a topic: the precise
// "the stage has drained" condition, better than sleeping.
import { Kafka, logLevel } from 'kafkajs';

export async function groupLag(brokers: string[], groupId: string, topic: string): Promise<number> {
  const admin = new Kafka({
    brokers,
    clientId: 'wire-test-lag',
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    let lag = 0;
    for (const end of ends) {
      const done = committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
      const position = Number(done) < 0 ? Number(end.low) : Number(done);
      lag += Number(end.high) - position;
    }
    return lag;
  } finally {
    await admin.disconnect();
  }
}
