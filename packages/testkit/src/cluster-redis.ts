// The cluster's Redis as its Sentinels see it (infra/stack.sh start --cluster),
// asked with redis-cli: which node is primary, and a failover on demand.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { clusterRedisPorts, clusterSentinels, waitUntil } from './namespace.js';

const run = promisify(execFile);
const portOf = (address: string) => address.split(':')[1] as string;

/** The port of the Redis the Sentinels name primary of `wire` now. */
export async function clusterRedisPrimary(): Promise<number> {
  for (const sentinel of clusterSentinels) {
    try {
      const { stdout } = await run('redis-cli', [
        '-p',
        portOf(sentinel),
        'sentinel',
        'get-master-addr-by-name',
        'wire',
      ]);
      const port = Number(stdout.trim().split('\n')[1]);
      if (clusterRedisPorts.includes(port)) return port;
    } catch {
      // That Sentinel is away: ask the next.
    }
  }
  throw new Error('no Sentinel names a primary');
}

/** Whether the primary has its replica online (a failover can then be asked for). */
export async function clusterRedisReplicated(): Promise<boolean> {
  const primary = await clusterRedisPrimary();
  const { stdout } = await run('redis-cli', ['-p', String(primary), 'info', 'replication']);
  return /role:master/.test(stdout) && /state=online/.test(stdout);
}

/**
 * SENTINEL FAILOVER until the primary moved (a Sentinel refuses while the last
 * failover settles or the replica syncs): the port of the new primary.
 */
export async function failOverClusterRedis(timeoutMs = 60_000): Promise<number> {
  const before = await clusterRedisPrimary();
  await waitUntil(clusterRedisReplicated, { timeoutMs, what: 'the replica to be online' });
  let asked = 0;
  await waitUntil(
    async () => {
      if ((await clusterRedisPrimary()) !== before) return true;
      const sentinel = clusterSentinels[asked++ % clusterSentinels.length] as string;
      await run('redis-cli', ['-p', portOf(sentinel), 'sentinel', 'failover', 'wire']).catch(
        () => undefined,
      );
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      return (await clusterRedisPrimary()) !== before;
    },
    { timeoutMs, what: `the Sentinels to move the primary off ${before}` },
  );
  return clusterRedisPrimary();
}
