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
  const header = ['figure', 'value', 'reference (same run)', 'ratio', 'note'];
  const lines = [header, header.map(() => '---'), ...rows].map(
    (cells) => `| ${cells.map(escapeCell).join(' | ')} |`,
  );
  return `${lines.join('\n')}\n`;
}
