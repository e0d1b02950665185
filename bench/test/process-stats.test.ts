import { describe, expect, it } from 'vitest';
import { parseProcStat, parseStatusMemory } from '../src/process-stats.js';

describe('parseProcStat', () => {
  it('reads the parent pid and user plus system ticks', () => {
    const line =
      '14317 (bash) S 14316 14317 14317 0 -1 4194560 5561 108077 0 91 17 6 198 65 20 0 1 0 974929 5124096 983';
    expect(parseProcStat(line)).toEqual({ ppid: 14316, cpuTicks: 23 });
  });

  it('is not misled by spaces and parentheses in the process name', () => {
    const line = '42 (node (x) y) R 7 42 42 0 -1 0 0 0 0 0 300 45 0 0 20 0 11 0 1 2 3';
    expect(parseProcStat(line)).toEqual({ ppid: 7, cpuTicks: 345 });
  });
});

describe('parseStatusMemory', () => {
  it('turns VmRSS and VmHWM from kB into bytes', () => {
    const status = 'Name:\tnode\nVmPeak:\t 900 kB\nVmHWM:\t    4008 kB\nVmRSS:\t    3000 kB\n';
    expect(parseStatusMemory(status)).toEqual({ rssBytes: 3000 * 1024, peakRssBytes: 4008 * 1024 });
  });
});
