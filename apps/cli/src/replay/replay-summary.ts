// The counts a replay or a reprocess ends with, and the table it prints.
import type { ReplayStep } from './replay-stages.js';

export interface ReplaySummary {
  documents: number;
  articles: number;
  created: number;
  updated: number;
  corrected: number;
  withdrawn: number;
  /** Older than the story's latest, or after its kill: out on the firehose, not as news. */
  superseded: number;
  duplicates: number;
  deadLetters: number;
  records: number;
}

export function emptySummary(): ReplaySummary {
  return {
    documents: 0,
    articles: 0,
    created: 0,
    updated: 0,
    corrected: 0,
    withdrawn: 0,
    superseded: 0,
    duplicates: 0,
    deadLetters: 0,
    records: 0,
  };
}

export function addStep(summary: ReplaySummary, step: ReplayStep): void {
  summary.documents++;
  summary.articles += step.articles;
  summary.created += step.verdicts.created;
  summary.updated += step.verdicts.updated;
  summary.corrected += step.verdicts.corrected;
  summary.withdrawn += step.verdicts.withdrawn;
  summary.superseded += step.verdicts.superseded;
  summary.duplicates += step.duplicates;
  summary.deadLetters += step.deadLetters;
  summary.records += step.records.length;
}

export function formatSummary(summary: ReplaySummary, recordsLabel: string): string[] {
  const rows: [string, number][] = [
    ['documents', summary.documents],
    ['articles', summary.articles],
    ['created', summary.created],
    ['updated', summary.updated],
    ['corrected', summary.corrected],
    ['withdrawn', summary.withdrawn],
    ['superseded', summary.superseded],
    ['duplicates', summary.duplicates],
    ['dead letters', summary.deadLetters],
    [recordsLabel, summary.records],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  const digits = Math.max(...rows.map(([, n]) => String(n).length));
  return rows.map(([name, n]) => `${name.padEnd(width)}  ${String(n).padStart(digits)}`);
}
