// Whether a Kafka cluster holds every partition on all its replicas again (after
// a broker came back, its replicas catch up before they rejoin the ISR): the
// cluster can then lose one broker and go on writing with min.insync.replicas=2.
// And whether consumer groups have settled (no rebalance under way).
import { withTestAdmin } from './test-admin.js';

/** Partitions of any topic, the internal ones included, without every replica in sync or without a leader. */
export function underReplicatedPartitions(brokers: string[]): Promise<number> {
  return withTestAdmin(brokers, 'wire-test-replication', async (admin) => {
    const { topics } = await admin.fetchTopicMetadata();
    let short = 0;
    for (const topic of topics)
      for (const p of topic.partitions)
        if (p.leader < 0 || p.isr.length < p.replicas.length) short++;
    return short;
  });
}

/** Whether every one of these consumer groups is Stable (none rebalancing, none empty). */
export function groupsStable(brokers: string[], groupIds: string[]): Promise<boolean> {
  return withTestAdmin(brokers, 'wire-test-groups', async (admin) => {
    const { groups } = await admin.describeGroups(groupIds);
    return groups.length === groupIds.length && groups.every((g) => g.state === 'Stable');
  });
}
