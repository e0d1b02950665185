// Deletes a key only while it still holds the value this process wrote: a
// claim or a lease given up by its owner, never one that expired and was taken
// by another in the meantime.
import type { Redis } from 'ioredis';
import { luaScript } from './lua-script.js';

const source = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** `(key, expected)`: whether the key held `expected` and is now gone. */
export function compareAndDelete(
  redis: Redis,
): (key: string, expected: string) => Promise<boolean> {
  const run = luaScript(redis, source);
  return async (key, expected) => (await run([key], [expected])) === 1;
}
