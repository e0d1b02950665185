// What a Redis failover can lose, on the local cluster (infra/stack.sh start
// --cluster; runs when WIRE_CLUSTER=1). Replication is asynchronous: a write the
// primary acknowledged but had not yet sent to its replica is gone once the
// Sentinels promote the replica. A stage's run therefore commits only after WAIT
// saw a replica take its writes (replicatedBeforeCommit): here a claim written by
// the real claim store survives the primary's kill -9 and the failover, while a
// write nobody waited for is lost, and a run whose writes the replica did not take
// fails before its commit, so it is done again rather than leaving a committed
// Kafka transaction whose claims a failover erased.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { InputBatch } from '@wire/kafka';
import { connectRedis, createClaimStore, type Redis } from '@wire/redis';
import { afterAll, describe, expect, it } from 'vitest';
import { replicatedBeforeCommit } from '../src/start-stage.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../..', import.meta.url));
const sentinels = ['127.0.0.1:26391', '127.0.0.1:26392', '127.0.0.1:26393'];
const ports = [6391, 6392];
const pidOf = (port: number) =>
  Number(readFileSync(join(root, '.wire/cluster', `redis-${port}`, 'redis.pid'), 'utf8').trim());
const signal = (pid: number, name: NodeJS.Signals) => {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
};
const startCluster = () => run('bash', [join(root, 'infra/stack.sh'), 'start', '--cluster']);

async function primaryPort(): Promise<number> {
  for (const sentinel of sentinels) {
    try {
      const { stdout } = await run('redis-cli', [
        '-p',
        sentinel.split(':')[1] as string,
        'sentinel',
        'get-master-addr-by-name',
        'wire',
      ]);
      const port = Number(stdout.trim().split('\n')[1]);
      if (ports.includes(port)) return port;
    } catch {
      // Ask the next one.
    }
  }
  throw new Error('no Sentinel names a primary');
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 40_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const batchAt = (offset: number): InputBatch => ({
  topic: 'wire.raw.v1',
  partition: 0,
  records: [{ key: null, value: Buffer.from('x'), headers: {}, offset: String(offset) }],
});

describe.skipIf(process.env.WIRE_CLUSTER !== '1')('a Redis failover', () => {
  let redis: Redis | undefined;
  let cutLink: number | undefined;

  afterAll(async () => {
    if (cutLink !== undefined)
      await run('redis-cli', ['-p', String(cutLink), 'config', 'set', 'masterauth', '']);
    redis?.disconnect();
    await startCluster();
  });

  it('loses a write only the primary had, and none a run waited for before its commit', {
    timeout: 120_000,
  }, async () => {
    await startCluster();
    // Both Redis nodes in sync before it starts.
    await until(async () => {
      const primary = await primaryPort();
      const { stdout } = await run('redis-cli', ['-p', String(primary), 'info', 'replication']);
      return /connected_slaves:1/.test(stdout) && /state=online/.test(stdout);
    }, 'the replica to be online');
    const ns = `test-failover-${Date.now().toString(36)}:`;
    redis = await connectRedis({
      url: 'redis://127.0.0.1',
      sentinels: { addresses: sentinels, name: 'wire' },
    });
    const claims = createClaimStore(redis, { pendingTtlMs: 600_000, doneTtlMs: 600_000 });
    // A stage's handler as the loop sees it: its claim, then the wait before the commit.
    const handle = replicatedBeforeCommit(
      redis,
      { REDIS_SENTINELS: sentinels, REDIS_WAIT_TIMEOUT_MS: 500 },
      async (batch) => {
        const offset = batch.records[0]?.offset;
        expect(await claims.claim(`${ns}event:${offset}`, 'normalizer-1')).toBe('claimed');
        return { records: new Map() };
      },
    );

    const primary = await primaryPort();
    const replica = ports.find((port) => port !== primary) as number;
    // A run while the replica follows: it may commit.
    await handle(batchAt(1));

    // The replica loses its link and cannot make it again (it now offers the primary
    // a password it refuses): what the primary acknowledges now, it alone has. (A
    // SIGSTOP would not do: the kernel keeps receiving the stream for the stopped replica.)
    const cli = (port: number, ...args: string[]) =>
      run('redis-cli', ['-p', String(port), ...args]);
    await cli(replica, 'config', 'set', 'masterauth', 'not-the-password');
    cutLink = replica;
    await cli(replica, 'client', 'kill', 'type', 'master');
    await until(async () => {
      const { stdout } = await cli(primary, 'info', 'replication');
      return /connected_slaves:0/.test(stdout);
    }, 'the replica to drop off');
    await expect(handle(batchAt(2))).rejects.toMatchObject({ code: 'REDIS_NOT_REPLICATED' });
    expect(await redis.set(`${ns}unwaited`, 'acknowledged')).toBe('OK');
    expect(await redis.get(`${ns}event:2`)).toBe('pending:normalizer-1');

    // The primary dies; the replica may follow again, and the Sentinels promote it.
    signal(pidOf(primary), 'SIGKILL');
    await cli(replica, 'config', 'set', 'masterauth', '');
    cutLink = undefined;
    await until(
      async () => (await primaryPort()) === replica,
      'the Sentinels to promote the replica',
    );

    // The same client follows the failover: the waited-for claim is there, the
    // others are gone. Run 2 never committed, so its record comes again.
    await until(async () => (await redis?.get(`${ns}event:1`)) !== undefined, 'the new primary');
    expect(await redis.get(`${ns}event:1`)).toBe('pending:normalizer-1');
    expect(await redis.get(`${ns}unwaited`)).toBeNull();
    expect(await redis.get(`${ns}event:2`)).toBeNull();

    // The old primary comes back as the new one's replica; the redelivered run commits.
    await startCluster();
    await until(async () => {
      const { stdout } = await run('redis-cli', ['-p', String(replica), 'info', 'replication']);
      return /state=online/.test(stdout);
    }, 'the old primary to follow the new one');
    await handle(batchAt(2));
    expect(await redis.get(`${ns}event:2`)).toBe('pending:normalizer-1');
  });

  // While the primary is gone the client keeps asking the Sentinels for it; the
  // failover's announcement (+switch-master) came, at times, while such an
  // attempt was under way, and ioredis's failover detector took it for a
  // disconnect the service had asked for: the attempt gave up ("Connection is
  // closed.") and the client ended for good, every later command refused (two
  // publishers of a cluster chaos run, stuck until it timed out). The patch
  // (patches/ioredis@5.11.1.patch) lets the attempt go on.
  it('keeps a client at work through the failover after its primary died', {
    timeout: 120_000,
  }, async () => {
    await startCluster();
    await until(async () => {
      const { stdout } = await run('redis-cli', [
        '-p',
        String(await primaryPort()),
        'info',
        'replication',
      ]);
      return /connected_slaves:1/.test(stdout) && /state=online/.test(stdout);
    }, 'the replica to be online');
    const client = await connectRedis({
      url: 'redis://127.0.0.1',
      sentinels: { addresses: sentinels, name: 'wire' },
    });
    redis?.disconnect();
    redis = client;
    client.on('error', () => undefined);
    const key = `test-failover-client-${Date.now().toString(36)}`;
    // A service's steady work: a write every 50 ms, whatever answers.
    let working = true;
    const work = (async () => {
      for (let n = 0; working; n++) {
        await client.set(key, String(n), 'PX', 60_000).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    // Killed, and started again a moment later (as the chaos test does), while
    // the Sentinels fail it over: its first connections succeed and fail.
    const primary = await primaryPort();
    signal(pidOf(primary), 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await startCluster();
    await until(
      async () => (await primaryPort()) !== primary,
      'the Sentinels to promote the replica',
    );
    // Not ended: once the roles settle (the old primary back as a replica), a
    // write through it reaches the new primary. (What the old primary took after
    // its restart and before its demotion is lost: no WAIT here.)
    const written = await until(
      async () =>
        (await client.set(`${key}:after`, 'after', 'PX', 60_000)) === 'OK' &&
        (await client.get(`${key}:after`)) === 'after' &&
        (await primaryPort()) !== primary,
      'a write through the client after the failover',
      30_000,
    ).then(
      () => true,
      () => false,
    );
    working = false;
    await work;
    expect(client.status).not.toBe('end');
    expect(written).toBe(true);
  });
});
