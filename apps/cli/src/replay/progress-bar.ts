// A one-line progress bar on a terminal's stderr; nothing when stderr is a pipe or
// a file, so output captured by scripts stays clean.
export interface ProgressBar {
  advance(label: string): void;
  done(): void;
}

export interface ProgressTarget {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export function createProgressBar(total: number, target: ProgressTarget): ProgressBar {
  if (!target.isTTY || total === 0) return { advance() {}, done() {} };
  let current = 0;
  return {
    advance(label) {
      current++;
      target.write(`\r\x1b[2K${progressLine(current, total, label, target.columns ?? 80)}`);
    },
    done() {
      target.write('\r\x1b[2K');
    },
  };
}

/** "[#####.....] 12/40 path" fitted to the terminal's width. */
export function progressLine(
  current: number,
  total: number,
  label: string,
  columns: number,
): string {
  const width = 24;
  const filled = Math.round((current / total) * width);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${current}/${total} `;
  const room = Math.max(0, columns - bar.length - 1);
  return bar + (label.length > room ? `…${label.slice(label.length - room + 1)}` : label);
}
