// The Redis ceiling: redis-benchmark (Debian's redis-tools) on the same machine,
// one connection and no pipelining, the way the normalizer talks to Redis.
import { spawnSync } from 'node:child_process';

export function redisBenchmarkAvailable(): boolean {
  return spawnSync('redis-benchmark', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Requests per second, the median of GET and SET, over one connection. */
export function redisRoundTripsPerSecond(host: string, port: number, requests: number): number {
  const run = spawnSync(
    'redis-benchmark',
    [
      '-h',
      host,
      '-p',
      String(port),
      '-c',
      '1',
      '-P',
      '1',
      '-n',
      String(requests),
      '-t',
      'set,get',
      '--csv',
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`redis-benchmark failed: ${run.stderr}`);
  // "test","rps",...  then  "SET","41322.31",...
  const rates = run.stdout
    .split('\n')
    .slice(1)
    .map((line) => Number(line.split(',')[1]?.replaceAll('"', '')))
    .filter((n) => Number.isFinite(n) && n > 0);
  if (rates.length === 0) throw new Error(`redis-benchmark printed no rates: ${run.stdout}`);
  return rates.reduce((a, b) => a + b, 0) / rates.length;
}
