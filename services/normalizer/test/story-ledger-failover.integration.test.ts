// The story ledger across a Redis failover, on the local cluster (infra/stack.sh
// start --cluster; runs when WIRE_CLUSTER=1). A replica the Sentinels promote
// knows no Lua script (scripts are not replicated), and the normalizer places a
// record's revisions of a story together, first revision first. Before, each call
// went out as EVALSHA and, answered NOSCRIPT, again as EVAL: when another instance
// taught the new primary the script between the two calls, the second revision's
// EVALSHA ran, then the first's EVAL, and the first went out superseded, the
// second created (the cluster chaos run of 2026-12-07). Here the other instance's
// EVAL comes between the two calls for sure: it is sent in the same write.
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { connectRedis, type Redis, redisKeys } from '@wire/redis';
import {
  clusterRedisPorts,
  clusterRedisPrimary,
  clusterRedisReplicated,
  clusterSentinels,
  failOverClusterRedis,
  waitUntil,
} from '@wire/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { decideVerdict } from '../src/decide-verdict.js';
import { createRedisStoryLedger, placeScript } from '../src/story-ledger.js';

const run = promisify(execFile);

describe.skipIf(process.env.WIRE_CLUSTER !== '1')('the story ledger after a failover', () => {
  let redis: Redis | undefined;
  afterAll(async () => {
    redis?.disconnect();
    // The next test finds the cluster as it found it: a primary with its replica.
    await waitUntil(clusterRedisReplicated, { timeoutMs: 60_000, what: 'the replica to follow' });
  });

  it('places a record’s revisions of a story in their order while another instance teaches the new primary its script', {
    timeout: 120_000,
  }, async () => {
    const sentinels = { addresses: clusterSentinels, name: 'wire' };
    redis = await connectRedis({ url: 'redis://127.0.0.1', sentinels });
    const prefix = `test-ledger-failover-${randomUUID()}:`;
    const ledger = createRedisStoryLedger(redis, prefix, 600);
    const position = { stream: 'wire.raw.v1/0', offset: 7 };
    const revision = (eventId: string, rank: number) => ({
      eventId,
      rank,
      revision: eventId,
      kill: false,
      position,
    });
    // At work before the failover: the old primary knows the script.
    await ledger.place('urn:test:before', revision('before-1', 1));

    // The replica to be promoted never ran the script (a node keeps its scripts
    // from a time it was primary, so this one's may be cleared).
    for (const node of clusterRedisPorts)
      if (node !== (await clusterRedisPrimary()))
        await run('redis-cli', ['-p', String(node), 'script', 'flush']);
    const promoted = await failOverClusterRedis();
    // The demoted primary answers as one for a while yet: wait for the client to
    // be on the promoted one.
    const port = async () => /tcp_port:(\d+)/.exec((await redis?.info('server')) ?? '')?.[1];
    await waitUntil(async () => (await port()) === String(promoted), {
      timeoutMs: 30_000,
      what: 'the client to follow the new primary',
    });
    const sha = createHash('sha1').update(placeScript).digest('hex');
    const known = await redis.script('EXISTS', sha);
    expect(known, `the new primary ${promoted} knows no script yet`).toEqual([0]);

    // One record, a story's first and second revision; between them, another
    // instance's placement of another story (its EVAL of the script).
    const story = redisKeys(prefix).story;
    const [first, , second] = await Promise.all([
      ledger.place('urn:test:story', revision('first', 1_000)),
      redis.eval(
        placeScript,
        1,
        story('urn:test:other'),
        'other-1',
        '5',
        'other-1',
        '',
        '600',
        '0',
        '',
        '',
      ),
      ledger.place('urn:test:story', revision('second', 2_000)),
    ]);
    expect([decideVerdict('none', first), decideVerdict('update', second)]).toEqual([
      'created',
      'updated',
    ]);
    expect(second).toMatchObject({ createdStory: false, isLatest: true, sequence: 2 });
    expect(await clusterRedisPrimary()).toBe(promoted);
  });
});
