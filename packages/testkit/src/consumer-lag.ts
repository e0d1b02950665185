// Whether a consumer group has committed every record of a topic: the precise
// "the stage has drained" condition, better than sleeping.
import { withTestAdmin } from './test-admin.js';

export function groupLag(brokers: string[], groupId: string, topic: string): Promise<number> {
  return withTestAdmin(brokers, 'wire-test-lag', async (admin) => {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    let lag = 0;
    for (const end of ends) {
      const done = committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
      const position = Number(done) < 0 ? Number(end.low) : Number(done);
      lag += Number(end.high) - position;
    }
    return lag;
  });
}
