// Which story an item's own uri went to the first time it was published: its
// own, or the one it joined as a same-agency re-filing (a NewsML-G2 item that
// repeats the RSS copy under its own guid). Its later versions, a cancel with too
// little text to fingerprint, and re-polls all go to that same story, however the
// near-duplicate index has grown since.
import { type Redis, redisKeys } from '@wire/redis';

export interface StoryAliases {
  storyOf(uri: string): Promise<string | undefined>;
  /** Remembers the first story a uri went to; later ones do not replace it. */
  remember(uri: string, storyUri: string): Promise<void>;
}

export function createRedisStoryAliases(
  redis: Redis,
  prefix: string,
  ttlSeconds: number,
): StoryAliases {
  const key = redisKeys(prefix).alias;
  return {
    async storyOf(uri) {
      return (await redis.get(key(uri))) ?? undefined;
    },
    async remember(uri, storyUri) {
      await redis.set(key(uri), storyUri, 'EX', Math.ceil(ttlSeconds), 'NX');
    },
  };
}

export function createMemoryStoryAliases(): StoryAliases {
  const aliases = new Map<string, string>();
  return {
    async storyOf(uri) {
      return aliases.get(uri);
    },
    async remember(uri, storyUri) {
      if (!aliases.has(uri)) aliases.set(uri, storyUri);
    },
  };
}
