// The event ids the publisher has sent, remembered in Redis for a while, so a
// repeat of an event (a record the normalizer could not rule out) is not sent twice.
//
// An id is written ahead, before the transaction that sends it, with the input
// record that carries it (`<partition>:<offset>`). Whether that transaction
// committed is then read from the consumer's own position: the partition's
// records before the batch in hand all went out in committed transactions, and
// none at or after it did. So a commit whose answer was lost, an instance killed
// right after its commit, or a partition that moved on while Redis was away can
// no longer leave a sent event unremembered (remembering after the commit had
// each of these gaps), and an aborted transaction leaves no false memory. Once
// the commit is known, the ids are marked sent for good as well, so a consumer
// sent back before a committed record (a position read stale after a broker
// restart) still finds them.
import { type Redis, redisKeys } from '@wire/redis';

/** Where the batch in hand starts: its partition and its first record's offset. */
export interface BatchPosition {
  partition: number;
  offset: string;
}

export interface PublishedEvents {
  /**
   * Which of these ids went out before. With the batch's position, an id written
   * ahead from this partition at or after it is not counted: its transaction never
   * committed. One round trip.
   */
  known(eventIds: string[], position?: BatchPosition): Promise<Set<string>>;
  /** Before the transaction: each id to send, with the offset of the record carrying it. */
  sending(partition: number, sends: ReadonlyMap<string, string>): Promise<void>;
  /** Ids out for good: their transaction is known to have committed, or a replay wrote them. One round trip. */
  remember(eventIds: string[]): Promise<void>;
}

const writtenAhead = /^(\d+):(\d+)$/;

export function createPublishedEvents(
  redis: Redis,
  prefix: string,
  ttlMs: number,
): PublishedEvents {
  const keyOf = redisKeys(prefix).published;
  const setAll = async (entries: Iterable<[string, string]>) => {
    const pipeline = redis.pipeline();
    for (const [id, value] of entries) pipeline.set(keyOf(id), value, 'PX', ttlMs);
    if (pipeline.length === 0) return;
    for (const [err] of (await pipeline.exec()) ?? []) if (err) throw err;
  };
  return {
    async known(eventIds, position) {
      if (eventIds.length === 0) return new Set();
      const found = await redis.mget(eventIds.map(keyOf));
      return new Set(
        eventIds.filter((_, i) => {
          const value = found[i];
          if (value === null || value === undefined) return false;
          const ahead = writtenAhead.exec(value);
          // Remembered for good, or written from another partition: counted as out.
          if (!ahead || !position || Number(ahead[1]) !== position.partition) return true;
          return BigInt(ahead[2] as string) < BigInt(position.offset);
        }),
      );
    },
    async sending(partition, sends) {
      await setAll([...sends].map(([id, offset]) => [id, `${partition}:${offset}`]));
    },
    async remember(eventIds) {
      await setAll(eventIds.map((id) => [id, 'sent']));
    },
  };
}
