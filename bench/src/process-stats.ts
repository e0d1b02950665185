// CPU time and memory of a service process, read from /proc as the kernel counts
// them (Linux only): the child is found by its parent and its main script, since
// startServiceProcess does not hand out the pid.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessStats {
  /** User plus system CPU time since the process started. */
  cpuSeconds: number;
  rssBytes: number;
  /** The highest RSS the process has had (VmHWM). */
  peakRssBytes: number;
}

/** Parent pid and CPU ticks from /proc/<pid>/stat; the name in parentheses may hold spaces. */
export function parseProcStat(text: string): { ppid: number; cpuTicks: number } {
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // After the name: state(3) ppid(4) … utime(14) stime(15), counted from pid(1).
  return { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
}

/** VmRSS and VmHWM from /proc/<pid>/status, in bytes (the file says kB). */
export function parseStatusMemory(text: string): { rssBytes: number; peakRssBytes: number } {
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1]);
  return { rssBytes: kib('VmRSS') * 1024, peakRssBytes: kib('VmHWM') * 1024 };
}

/** Memory as the figures give it: MB of 2^20 bytes. */
export const mb = (bytes: number) => bytes / 2 ** 20;

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  ticksPerSecond ??=
    Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
  return ticksPerSecond;
}

export function readProcessStats(pid: number): ProcessStats {
  const { cpuTicks } = parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  return {
    cpuSeconds: cpuTicks / clockTicks(),
    ...parseStatusMemory(readFileSync(`/proc/${pid}/status`, 'utf8')),
  };
}

/** The pid of this process's child running `script`, or undefined while there is none. */
export function findChildPid(script: string, parent = process.pid): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (parseProcStat(readFileSync(`/proc/${entry}/stat`, 'utf8')).ppid !== parent) continue;
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (argv.some((arg) => arg.endsWith(script))) return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  return undefined;
}
