// A Lua script as an ioredis custom command: ioredis sends its text (EVAL) the
// first time it goes over a connection, then only its SHA-1 (EVALSHA). A new
// connection (a restarted Redis, a replica promoted by a failover, neither of
// which knows the script) thus gets the text before any SHA-1, in the order the
// calls were made. Sending EVALSHA first and EVAL on NOSCRIPT, as this module did,
// let a later call overtake an earlier one whenever another client taught Redis
// the script between the two: the story ledger then placed a story's second
// revision before its first (docs/reliability.md, "On the cluster").
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export type LuaScript = (
  keys: readonly string[],
  args: readonly (string | number)[],
) => Promise<unknown>;

type ScriptCommand = (keyCount: number, ...keysThenArgs: (string | number)[]) => Promise<unknown>;

export function luaScript(redis: Redis, source: string): LuaScript {
  const name = `wireScript${createHash('sha1').update(source).digest('hex')}`;
  redis.defineCommand(name, { lua: source });
  const command = (redis as unknown as Record<string, ScriptCommand>)[name] as ScriptCommand;
  return (keys, args) => command.call(redis, keys.length, ...keys, ...args);
}
