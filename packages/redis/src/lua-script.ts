// A Lua script run by its SHA-1 (EVALSHA): its text goes to Redis once per server,
// by EVAL the first time Redis answers NOSCRIPT (first call, a restart, SCRIPT
// FLUSH), not with every call. That answer is told apart here, at the adapter.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export type LuaScript = (
  keys: readonly string[],
  args: readonly (string | number)[],
) => Promise<unknown>;

export function luaScript(redis: Redis, source: string): LuaScript {
  const sha = createHash('sha1').update(source).digest('hex');
  return async (keys, args) => {
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return redis.eval(source, keys.length, ...keys, ...args);
    }
  };
}
