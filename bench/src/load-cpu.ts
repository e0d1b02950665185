// CPU time every process of the pipeline spends on a load, read from /proc: the
// two stages, the broker and Redis they share the machine with, and the bench's
// own producer and reader. On a machine whose cores all of them share, the sum
// per article is what bounds end-to-end throughput once nothing waits.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { Redis } from '@wire/redis';
import { readProcessStats } from './process-stats.js';

export const pipelineProcesses = ['normalizer', 'publisher', 'broker', 'redis', 'bench'] as const;
export type PipelineProcess = (typeof pipelineProcesses)[number];
export type LoadCpu = Record<PipelineProcess, number>;

/** The broker listening on `port`: the stack's Kafka, found by its run directory. */
function brokerPid(port: string): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (argv.includes('kafka.Kafka') && argv.some((a) => a.includes(`run-${port}/`))) {
        return Number(entry);
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return undefined;
}

/**
 * Reads every process's CPU seconds now; `since` those of an earlier reading
 * gives each one's seconds in between. A process not found (a broker elsewhere)
 * counts NaN, so the figure says it was not measured rather than 0.
 */
export async function readLoadCpu(
  pids: { normalizer: number; publisher: number },
  redis: Redis,
  brokerPort: string,
): Promise<() => LoadCpu> {
  const redisPid = Number(/process_id:(\d+)/.exec(await redis.info('server'))?.[1]);
  const broker = brokerPid(brokerPort);
  const seconds = (pid: number | undefined) => {
    if (pid === undefined || !Number.isFinite(pid)) return Number.NaN;
    try {
      return readProcessStats(pid).cpuSeconds;
    } catch {
      return Number.NaN;
    }
  };
  const read = (): LoadCpu => {
    const own = process.cpuUsage();
    return {
      normalizer: seconds(pids.normalizer),
      publisher: seconds(pids.publisher),
      broker: seconds(broker),
      redis: seconds(redisPid),
      bench: (own.user + own.system) / 1e6,
    };
  };
  const before = read();
  return () => {
    const after = read();
    const spent = {} as LoadCpu;
    for (const name of pipelineProcesses) spent[name] = after[name] - before[name];
    return spent;
  };
}

/** The cores the processes share. */
export const machineCores = () => cpus().length;
