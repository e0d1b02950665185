// Which story a feed's link named before. A feed whose guids are unstable (a new
// guid for the same article on every poll) would otherwise turn each poll into a
// new story; the link it keeps gives the story's first uri back.
import type { Redis } from '@wire/redis';

export interface LinkMemory {
  uriFor(feedId: string, link: string): Promise<string | undefined>;
  /** Remembers the first uri a link named; later ones do not replace it. */
  remember(feedId: string, link: string, uri: string): Promise<void>;
}

export function createRedisLinkMemory(
  redis: Redis,
  prefix: string,
  ttlSeconds: number,
): LinkMemory {
  const key = (feedId: string) => `${prefix}links:${feedId}`;
  return {
    async uriFor(feedId, link) {
      return (await redis.hget(key(feedId), link)) ?? undefined;
    },
    async remember(feedId, link, uri) {
      await Promise.all([
        redis.hsetnx(key(feedId), link, uri),
        redis.expire(key(feedId), ttlSeconds),
      ]);
    },
  };
}

export function createMemoryLinkMemory(): LinkMemory {
  const links = new Map<string, string>();
  return {
    async uriFor(feedId, link) {
      return links.get(`${feedId}\n${link}`);
    },
    async remember(feedId, link, uri) {
      if (!links.has(`${feedId}\n${link}`)) links.set(`${feedId}\n${link}`, uri);
    },
  };
}
