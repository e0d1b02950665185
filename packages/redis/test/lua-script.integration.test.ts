import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, luaScript, type Redis } from '../src/index.js';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('luaScript against the real Redis', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = await connectRedis({ url });
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('runs a script Redis does not know yet, and from then on by its SHA-1', async () => {
    // A script of its own (the comment), so Redis cannot know it from another test.
    const source = `-- ${randomUUID()}\nredis.call('SET', KEYS[1], ARGV[1], 'PX', 60000) return redis.call('GET', KEYS[1])`;
    const sha = createHash('sha1').update(source).digest('hex');
    const run = luaScript(redis, source);
    const key = `test:lua:${randomUUID()}`;
    expect(await redis.script('EXISTS', sha)).toEqual([0]);
    expect(await run([key], ['first'])).toBe('first');
    expect(await redis.script('EXISTS', sha)).toEqual([1]);
    expect(await run([key], [2])).toBe('2');
  });

  it('keeps calls made together in their order when Redis learns the script between them', async () => {
    // A script Redis does not know, as on a replica a failover just promoted; the
    // EVAL in between (of another key, sent in the same write) stands for another
    // client teaching Redis the script while this client's calls are on their way,
    // as the two revisions of one story the ledger places together.
    const source = `-- ${randomUUID()}\nreturn redis.call('RPUSH', KEYS[1], ARGV[1])`;
    const run = luaScript(redis, source);
    const key = `test:lua:${randomUUID()}`;
    await Promise.all([
      run([key], ['first']),
      redis.eval(source, 1, `${key}:elsewhere`, 'taught'),
      run([key], ['second']),
    ]);
    expect(await redis.lrange(key, 0, -1)).toEqual(['first', 'second']);
    await redis.del(key, `${key}:elsewhere`);
  });

  it('passes the script error of a failing script on', async () => {
    const run = luaScript(redis, `-- ${randomUUID()}\nreturn redis.call('INCR', KEYS[1])`);
    const key = `test:lua:${randomUUID()}`;
    await redis.set(key, 'not a number', 'PX', 60_000);
    await expect(run([key], [])).rejects.toThrow(/not an integer/);
  });
});
