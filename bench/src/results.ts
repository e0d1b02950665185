// Writes a run's figures to bench/results.json and its tables into
// docs/benchmarks.md, between the markers there, leaving the prose alone.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { Figure } from './harness.js';
import { formatProfiles, type ProfileSummary } from './profiles.js';
import { formatTable } from './table.js';
import { formatTargets, type TargetOutcome } from './targets.js';

export interface RunReport {
  startedAt: string;
  quick: boolean;
  figures: Figure[];
  targets: TargetOutcome[];
  skipped: string[];
  profiles: ProfileSummary[];
}

const start = '<!-- bench:results:start -->';
const end = '<!-- bench:results:end -->';

export function machineLine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`;
}

export function writeResultsJson(path: string, report: RunReport): void {
  writeFileSync(path, `${JSON.stringify({ machine: machineLine(), ...report }, null, 2)}\n`);
}

export function resultsSection(report: RunReport): string {
  const skipped = report.skipped.length > 0 ? `\nSkipped: ${report.skipped.join('; ')}.\n` : '';
  return [
    start,
    `Run of ${report.startedAt}${report.quick ? ' (--quick)' : ''} on ${machineLine()}.`,
    '',
    formatTable(report.figures),
    formatTargets(report.targets),
    report.profiles.length > 0
      ? `Profiles of the misses:\n\n${formatProfiles(report.profiles)}\n`
      : '',
    `${skipped}${end}`,
  ].join('\n');
}

/** Replaces the section between the markers, or appends it when the doc has none. */
export function updateDoc(path: string, report: RunReport): void {
  const section = resultsSection(report);
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  const next =
    from >= 0 && to > from
      ? `${doc.slice(0, from)}${section}${doc.slice(to + end.length)}`
      : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, next);
}
