// Prints figures as a Markdown table, the same one the console shows and
// docs/benchmarks.md holds.
import type { Figure } from './harness.js';

/** Three significant digits, thousands grouped: 1234567 -> "1,230,000", 0.01234 -> "0.0123". */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value === 0) return '0';
  const rounded = Number(value.toPrecision(3));
  const decimals = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(rounded))));
  return rounded.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

export function formatRatio(ratio: number | null): string {
  return ratio === null ? 'n/a' : `${formatNumber(ratio)}×`;
}

const escapeCell = (text: string) => text.replaceAll('|', '\\|');

export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.name,
    `${formatNumber(f.value)} ${f.unit}`,
    `${f.against}: ${formatNumber(f.reference)}`,
    formatRatio(f.ratio),
    f.note ?? '',
  ]);
  return markdownTable(['figure', 'value', 'reference (same run)', 'ratio', 'note'], rows);
}

/** A Markdown table with its columns padded to one width, as the formatter leaves it. */
export function markdownTable(header: string[], rows: string[][]): string {
  const cells = [header, ...rows].map((row) => row.map(escapeCell));
  const widths = header.map((_, i) => Math.max(3, ...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const [head = [], ...body] = cells;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return `${[line(head), rule, ...body.map(line)].join('\n')}\n`;
}
