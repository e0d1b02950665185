// Service processes watched from outside while a load runs: started with their
// pid found, checked alive, and measured over a window (requests the feed server
// answered, CPU and RSS of each process).
import { setTimeout as sleep } from 'node:timers/promises';
import { type ServiceName, type ServiceProcess, startServiceProcess } from '@wire/cli';
import type { RequestCounts } from './feed-fleet.js';
import { findChildPid, type ProcessStats, readProcessStats } from './process-stats.js';

export interface Watched {
  service: ServiceProcess;
  pid: number;
}

export function startWatched(name: ServiceName, env: Record<string, string>): Watched {
  const service = startServiceProcess(name, { env });
  // spawn returns after the exec, so the child is already there to find.
  const pid = findChildPid(`services/${name}/dist/src/main.js`);
  if (pid === undefined) throw new Error(`no ${name} process found under ${process.pid}`);
  return { service, pid };
}

/** Fails fast with its last log lines when a service died during the run. */
function assertRunning(watched: readonly Watched[]): void {
  for (const { service, pid } of watched) {
    try {
      readProcessStats(pid);
    } catch {
      throw new Error(`the ${service.name} exited early:\n${service.logs.slice(-20).join('\n')}`);
    }
  }
}

export interface Window {
  /** Requests the server answered in the window. */
  requests: RequestCounts;
  seconds: number;
  /** CPU seconds each process spent in the window. */
  cpuSeconds: Map<ServiceName, number>;
  /** Each process at the end of the window (peak RSS is over its whole life). */
  stats: Map<ServiceName, ProcessStats>;
}

const diff = (a: RequestCounts, b: RequestCounts): RequestCounts => ({
  total: b.total - a.total,
  notModified: b.notModified - a.notModified,
  documents: b.documents - a.documents,
  other: b.other - a.other,
});

/** Waits out the warmup, then measures `seconds` of the running load. */
export async function measureWindow(
  counts: RequestCounts,
  watched: readonly Watched[],
  warmupSeconds: number,
  seconds: number,
): Promise<Window> {
  await sleep(warmupSeconds * 1000);
  assertRunning(watched);
  const before = { ...counts };
  const cpuBefore = watched.map((w) => readProcessStats(w.pid).cpuSeconds);
  const started = performance.now();
  await sleep(seconds * 1000);
  assertRunning(watched);
  const elapsed = (performance.now() - started) / 1000;
  const stats = watched.map((w) => readProcessStats(w.pid));
  const requests = diff(before, counts);
  if (requests.total === 0) {
    const logs = watched[0]?.service.logs.slice(-10).join('\n');
    throw new Error(`no requests reached the feed server in the window:\n${logs}`);
  }
  return {
    requests,
    seconds: elapsed,
    cpuSeconds: new Map(
      watched.map((w, i) => [w.service.name, (stats[i]?.cpuSeconds ?? 0) - (cpuBefore[i] ?? 0)]),
    ),
    stats: new Map(watched.map((w, i) => [w.service.name, stats[i] as ProcessStats])),
  };
}
