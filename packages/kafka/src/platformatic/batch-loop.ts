// The exactly-once loop over @platformatic/kafka: the same contract as the
// kafkajs one in consumer.ts (runs of one partition bounded by records and bytes,
// the handler outside the transaction, output and offsets in one transaction,
// the failure policy of run-policy.ts, afterCommit, a failed commit settled from
// the group's committed offsets, a partition just assigned settled before its
// first run), built from the library's parts rather than its message stream:
//
// - Membership: the Consumer joins the group (classic protocol, eager
//   round-robin) and keeps its session with heartbeats of its own, rejoining
//   when the group rebalances; every join (a new generation) puts each assigned
//   partition in doubt, so nothing read before it is committed after it.
// - Reading: the loop asks for each assigned partition from its own position
//   (Consumer.fetch, read_committed) and drops aborted transactions itself (see
//   fetched-records.ts). A position is only ever set by the loop: from a settled
//   committed offset, or past a committed run. A rewind is setting it again.
// - Committing: a run's output and its offsets go in one transaction of the
//   instance's one transactional producer, the offsets with the member id and
//   generation the run was read in (KIP-447, TxnOffsetCommit v3+). A member that
//   lost the partition (a paused instance, a rebalance during the run) is refused
//   with ILLEGAL_GENERATION or UNKNOWN_MEMBER_ID, and the transaction aborts.
// - Settling: a partition in doubt (its commit failed, or it was just assigned)
//   reads its committed offset with require_stable, which the broker answers only
//   once no transaction with offsets for it is pending (UNSTABLE_OFFSET_COMMIT
//   until then, retried): a predecessor's commit under way lands first. After a
//   failed commit the instance's producer is opened again first, so the
//   coordinator finishes or aborts what was pending for its id. A partition whose
//   doubt cannot be settled yet (broker away, a predecessor's transaction still
//   open) is skipped and tried again; the others go on.
import { setTimeout as sleep } from 'node:timers/promises';
import {
  Admin,
  Consumer,
  FetchIsolationLevels,
  type fetchV17,
  findErrorBy,
  ListOffsetTimestamps,
} from '@platformatic/kafka';
import { createAfterCommitOverlap } from '../after-commit-overlap.js';
import { type KafkaClient, logSinkOf, platformaticOptions } from '../client.js';
import type {
  BatchOutput,
  InputBatch,
  InputRecord,
  RunningConsumer,
  TransactionalConsumerSettings,
} from '../consumer.js';
import { classifyKafkaError } from '../errors.js';
import type { GroupMember, PartitionProducers } from '../producer.js';
import { createRunPolicy, runsOf } from '../run-policy.js';
import { secondsSince } from '../run-timing.js';
import { maxRawDocumentBytes } from '../topics.js';
import { committedRecords, type FetchedRecord } from './fetched-records.js';

/** Why a partition's position is in doubt. */
type Doubt =
  | {
      kind: 'failed';
      /** The failed run's last offset: it committed when the group moved past it. */
      lastOffset: bigint;
      /** Where to go on when the group never committed there: the run's first offset. */
      firstOffset: bigint;
      onCommitted: () => Promise<void>;
      retryAt: number;
      attempts: number;
    }
  | { kind: 'assigned'; retryAt: number; attempts: number };

/** The group membership a run was read under. */
interface Ownership extends GroupMember {
  assigned: ReadonlySet<string>;
}

const keyOf = (topic: string, partition: number) => `${topic}\n${partition}`;
const settleDelayMs = (attempts: number) => Math.min(10_000, 250 * 2 ** attempts);

export async function startPlatformaticBatchConsumer(
  kafka: KafkaClient,
  settings: TransactionalConsumerSettings,
  producers: PartitionProducers,
  handle: (batch: InputBatch) => Promise<BatchOutput>,
): Promise<RunningConsumer> {
  const sink = logSinkOf(kafka);
  const policy = createRunPolicy(settings, handle);
  const afterCommits = createAfterCommitOverlap();
  const sessionTimeout = settings.sessionTimeoutMs ?? 30_000;
  const fromBeginning = settings.fromBeginning ?? true;
  const options = platformaticOptions(kafka);
  const consumer = new Consumer({
    ...options,
    groupId: settings.groupId,
    autocommit: false,
    sessionTimeout,
    rebalanceTimeout: 60_000,
    heartbeatInterval: Math.min(3_000, Math.floor(sessionTimeout / 3)),
    isolationLevel: FetchIsolationLevels.READ_COMMITTED,
    minBytes: 1,
    maxBytes: 10 * 1024 * 1024,
    maxWaitTime: 1_000,
  });
  const admin = new Admin(options);

  const positions = new Map<string, bigint>();
  const doubts = new Map<string, Doubt>();
  let ownership: Ownership | undefined;
  let rejoin = false;

  consumer.on('consumer:group:join', ({ memberId, generationId, assignments }) => {
    const assigned = new Set<string>();
    for (const { topic, partitions } of assignments ?? []) {
      for (const partition of partitions) {
        const key = keyOf(topic, partition);
        assigned.add(key);
        // Read before this generation: from where the group stands now.
        if (!doubts.has(key)) doubts.set(key, { kind: 'assigned', retryAt: 0, attempts: 0 });
      }
    }
    positions.clear();
    ownership = {
      memberId,
      generationId: generationId ?? consumer.generationId,
      coordinatorId: consumer.coordinatorId ?? -1,
      assigned,
    };
    sink?.('info', 'kafka consumer joined its group', {
      groupId: settings.groupId,
      generationId,
      assigned: [...assigned].map((key) => key.replace('\n', ':')),
    });
  });
  // A rejoin that failed for good leaves the consumer without heartbeats: the loop joins again.
  consumer.on('error', (err: Error) => {
    rejoin = true;
    sink?.('warn', 'kafka consumer error', { err, groupId: settings.groupId });
  });
  consumer.on('consumer:heartbeat:error', ({ error }) =>
    sink?.('warn', 'kafka heartbeat failed', { err: error, groupId: settings.groupId }),
  );

  consumer.topics.trackAll(...settings.topics);
  try {
    await consumer.joinGroup({});
  } catch (err) {
    await consumer.close(true).catch(() => undefined);
    await admin.close().catch(() => undefined);
    throw classifyKafkaError(err);
  }

  let running = true;
  /** A configuration error stopped the loop taking work. */
  let halted = false;
  const current = (): Ownership | undefined => {
    const owned = ownership;
    if (!owned || !consumer.isActive()) return undefined;
    if (owned.generationId !== consumer.generationId || owned.memberId !== consumer.memberId)
      return undefined;
    return owned;
  };
  /** Whether a run read under `owned` may still commit: same generation, still assigned, no doubt. */
  const stillOwner = (owned: Ownership, key: string) =>
    running && current() === owned && owned.assigned.has(key) && !doubts.has(key);

  /** The group's committed offset, once no transaction with offsets for it is pending. */
  const stableCommitted = async (topic: string, partition: number): Promise<bigint> => {
    const [group] = await admin.listConsumerGroupOffsets({
      groups: [
        { groupId: settings.groupId, topics: [{ name: topic, partitionIndexes: [partition] }] },
      ],
      requireStable: true,
    });
    const found = group?.topics
      .find((t) => t.name === topic)
      ?.partitions.find((p) => p.partitionIndex === partition);
    return found?.committedOffset ?? -1n;
  };

  const resetOffset = async (topic: string, partition: number): Promise<bigint> => {
    const offsets = await consumer.listOffsets({
      topics: [topic],
      partitions: { [topic]: [partition] },
      timestamp: fromBeginning ? ListOffsetTimestamps.EARLIEST : ListOffsetTimestamps.LATEST,
    });
    return offsets.get(topic)?.[partition] ?? 0n;
  };

  /** Settles one partition's doubt; throws, and the doubt stays, when it cannot yet. */
  const settle = async (owned: Ownership, topic: string, partition: number, doubt: Doubt) => {
    const key = keyOf(topic, partition);
    if (doubt.kind === 'failed') {
      // A moment before trying again, so a failure that repeats does not spin.
      await sleep(1_000);
      await producers.reopen(topic, partition);
    }
    const committed = await stableCommitted(topic, partition);
    // It committed after all: its after-commit work is owed (throws, and the doubt stays).
    if (doubt.kind === 'failed' && committed > doubt.lastOffset) {
      await doubt.onCommitted();
      doubt.onCommitted = async () => undefined;
    }
    const position =
      committed >= 0n
        ? committed
        : doubt.kind === 'failed'
          ? doubt.firstOffset
          : await resetOffset(topic, partition);
    // The group moved on meanwhile (a rejoin): what was read may be stale, settle again.
    if (ownership !== owned || doubts.get(key) !== doubt) return;
    positions.set(key, position);
    doubts.delete(key);
  };

  const settleDoubts = async (owned: Ownership) => {
    for (const key of owned.assigned) {
      const doubt = doubts.get(key);
      if (!doubt || doubt.retryAt > Date.now() || !running) continue;
      const [topic, partition] = key.split('\n') as [string, string];
      try {
        await settle(owned, topic, Number(partition), doubt);
      } catch (err) {
        doubt.attempts++;
        doubt.retryAt = Date.now() + settleDelayMs(doubt.attempts);
        sink?.('warn', 'kafka partition not settled yet', {
          err,
          topic,
          partition: Number(partition),
          attempts: doubt.attempts,
        });
      }
    }
  };

  /** One fetch of every settled partition, grouped by leader. */
  const fetchOwned = async (owned: Ownership) => {
    const wanted = [...owned.assigned].filter((key) => positions.has(key) && !doubts.has(key));
    if (wanted.length === 0) return [];
    const metadata = await consumer.metadata({ topics: settings.topics });
    const byNode = new Map<number, Map<string, { partition: number; fetchOffset: bigint }[]>>();
    const topicIds = new Map<string, string>();
    for (const key of wanted) {
      const [topic, partitionText] = key.split('\n') as [string, string];
      const partition = Number(partitionText);
      const topicMetadata = metadata.topics.get(topic);
      const leader = topicMetadata?.partitions[partition]?.leader;
      if (!topicMetadata || leader === undefined) continue;
      topicIds.set(topicMetadata.id, topic);
      const node = byNode.get(leader) ?? new Map();
      byNode.set(leader, node);
      const list = node.get(topicMetadata.id) ?? [];
      node.set(topicMetadata.id, list);
      list.push({ partition, fetchOffset: positions.get(key) as bigint });
    }
    const responses = await Promise.all(
      [...byNode].map(async ([node, topics]) => {
        try {
          return await consumer.fetch({
            node,
            topics: [...topics].map(([topicId, partitions]) => ({
              topicId,
              partitions: partitions.map(({ partition, fetchOffset }) => ({
                partition,
                fetchOffset,
                partitionMaxBytes: maxRawDocumentBytes,
                currentLeaderEpoch: -1,
                lastFetchedEpoch: -1,
              })),
            })),
          });
        } catch (err) {
          if (await resetOutOfRange(err, topicIds)) return undefined;
          throw err;
        }
      }),
    );
    return responses.flatMap((response) => (response ? [{ response, topicIds }] : []));
  };

  /** A position the log no longer has (retention): reset as a new group would start. */
  const resetOutOfRange = async (err: unknown, topicIds: Map<string, string>) => {
    // The library's error for a fetch carries the broker's response.
    const response = findErrorBy(err as Error, 'apiId', 'OFFSET_OUT_OF_RANGE')
      ? (err as { response?: fetchV17.FetchResponse }).response
      : undefined;
    if (!response?.responses) return false;
    for (const { topicId, partitions } of response.responses) {
      const topic = topicIds.get(topicId);
      for (const { partitionIndex, errorCode } of partitions) {
        if (topic === undefined || errorCode !== 1) continue;
        const key = keyOf(topic, partitionIndex);
        if (!positions.has(key)) continue;
        const reset = await resetOffset(topic, partitionIndex);
        sink?.('warn', 'kafka offset out of range: reset', {
          topic,
          partition: partitionIndex,
          reset,
        });
        positions.set(key, reset);
      }
    }
    return true;
  };

  /** Runs a fetched partition's records through the handler and commits them run by run. */
  const consumePartition = async (
    owned: Ownership,
    topic: string,
    partition: number,
    fetched: { records: FetchedRecord[]; end: bigint | undefined },
  ) => {
    const key = keyOf(topic, partition);
    if (!stillOwner(owned, key) || fetched.end === undefined) return;
    const { records, end } = fetched;
    if (records.length === 0) {
      // Only commit markers or aborted records: nothing to commit, read on past them.
      if (end > (positions.get(key) ?? end)) positions.set(key, end);
      return;
    }
    const runs = [...runsOf(records, policy.recordsPerTransaction, policy.bytesPerTransaction)];
    for (const [index, run] of runs.entries()) {
      // Stopping, rebalanced or in doubt: what is left is read again, by whoever has it then.
      if (!stillOwner(owned, key)) return;
      const first = run[0] as FetchedRecord;
      // The last run goes up to the response's end, past the commit markers of a
      // transactional input that follow its last record (or the lag stays 1).
      const through = index === runs.length - 1 ? end - 1n : (run.at(-1) as FetchedRecord).offset;
      const control = { active: () => stillOwner(owned, key), heartbeat: async () => undefined };
      const input = { topic, partition, records: run.map(inputRecord) };
      let output: BatchOutput | undefined;
      const handled = performance.now();
      try {
        output = await policy.outputOf(input, control);
      } catch (err) {
        // A configuration error (the policy told onConfigurationError): no more work.
        halted = true;
        throw err;
      }
      if (output === undefined) return;
      const handleSeconds = secondsSince(handled);
      const afterCommit = output.afterCommit ?? (async () => undefined);
      // The last run's after-commit work ran beside this run's handling; it ends first.
      const afterCommitSeconds = await afterCommits.settle();
      const committing = performance.now();
      try {
        const producer = await producers.forPartition(topic, partition);
        await producer.commitTransaction({
          records: output.records,
          offsets: {
            groupId: settings.groupId,
            topic,
            partition,
            offset: String(through + 1n),
            member: {
              memberId: owned.memberId,
              generationId: owned.generationId,
              // Where the group's coordinator is now (it can move between brokers).
              coordinatorId: consumer.coordinatorId ?? owned.coordinatorId,
            },
          },
        });
      } catch (err) {
        // It may have committed all the same: go on from the group's committed offset.
        settings.onBatchFailed?.(err);
        positions.delete(key);
        doubts.set(key, {
          kind: 'failed',
          lastOffset: through,
          firstOffset: first.offset,
          onCommitted: afterCommit,
          retryAt: 0,
          attempts: 0,
        });
        return;
      }
      // Committed: read on past the run even if its after-commit work fails.
      if (ownership === owned && !doubts.has(key)) positions.set(key, through + 1n);
      const commitSeconds = secondsSince(committing);
      afterCommits.start(afterCommit);
      settings.onRunTimed?.({
        records: run.length,
        handleSeconds,
        commitSeconds,
        afterCommitSeconds,
      });
    }
  };

  let inactiveSince: number | undefined;
  const step = async () => {
    const owned = current();
    if (!owned) {
      // The consumer rejoins by itself after a rebalance; a rejoin that failed
      // for good (or one that never ends) leaves it without heartbeats.
      inactiveSince ??= Date.now();
      if (rejoin || Date.now() - inactiveSince > 60_000 + sessionTimeout) {
        rejoin = false;
        inactiveSince = undefined;
        await consumer.joinGroup({}).catch((err: unknown) => {
          rejoin = true;
          throw err;
        });
      } else await sleep(100);
      return;
    }
    inactiveSince = undefined;
    await settleDoubts(owned);
    const fetched = await fetchOwned(owned);
    if (fetched.length === 0) {
      await sleep(100);
      return;
    }
    for (const { response, topicIds } of fetched) {
      for (const { topicId, partitions } of response.responses) {
        const topic = topicIds.get(topicId);
        if (topic === undefined) continue;
        for (const part of partitions) {
          if (!running) return;
          const key = keyOf(topic, part.partitionIndex);
          const position = positions.get(key);
          if (part.errorCode !== 0 || position === undefined) continue;
          const records = committedRecords(part.records, part.abortedTransactions, position);
          await consumePartition(owned, topic, part.partitionIndex, records);
        }
      }
    }
  };

  const loop = (async () => {
    let failures = 0;
    while (running && !halted) {
      try {
        await step();
        failures = 0;
      } catch (err) {
        if (!running || halted) break;
        failures++;
        sink?.('warn', 'kafka loop step failed', { err, groupId: settings.groupId, failures });
        await sleep(Math.min(5_000, 200 * 2 ** Math.min(failures, 5)));
      }
    }
  })();

  return {
    isAssigned: () => (consumer.assignments ?? []).some((a) => a.partitions.length > 0),
    async stop() {
      running = false;
      await loop;
      // The last run's after-commit work; a failure is left as a crash would leave it
      // (claims not marked done lapse after CLAIM_PENDING_TTL_MS).
      await afterCommits.settle().catch(() => undefined);
      await consumer.close(true).catch(() => undefined);
      await admin.close().catch(() => undefined);
    },
  };
}

function inputRecord(record: FetchedRecord): InputRecord {
  const headers: Record<string, string> = {};
  for (const [name, value] of record.headers) {
    const text = name?.toString();
    if (text !== undefined && !(text in headers)) headers[text] = value?.toString() ?? '';
  }
  return { key: record.key, value: record.value, headers, offset: String(record.offset) };
}
