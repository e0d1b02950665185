// What the normalizer remembers of a story between documents: whether it was seen,
// when it was first created and its latest revision. Kept in Redis with a TTL.
import type { Redis } from '@wire/redis';

export interface StoryRecord {
  firstCreated?: string;
  latestRevision?: string;
  revisions: number;
}

export interface StoryStateStore {
  get(uri: string): Promise<StoryRecord | undefined>;
  recordRevision(uri: string, revision: string, versionCreated: string | undefined): Promise<void>;
}

export function createStoryStateStore(
  redis: Redis,
  prefix: string,
  ttlSeconds: number,
): StoryStateStore {
  const key = (uri: string) => `${prefix}story:${uri}`;
  return {
    async get(uri) {
      const raw = await redis.hgetall(key(uri));
      if (raw.revisions === undefined) return undefined;
      const record: StoryRecord = { revisions: Number(raw.revisions) };
      if (raw.firstCreated) record.firstCreated = raw.firstCreated;
      if (raw.latestRevision) record.latestRevision = raw.latestRevision;
      return record;
    },
    async recordRevision(uri, revision, versionCreated) {
      const multi = redis.multi();
      if (versionCreated) multi.hsetnx(key(uri), 'firstCreated', versionCreated);
      await multi
        .hset(key(uri), 'latestRevision', revision)
        .hincrby(key(uri), 'revisions', 1)
        .expire(key(uri), ttlSeconds)
        .exec();
    },
  };
}
