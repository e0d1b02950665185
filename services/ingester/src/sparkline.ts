// A small inline SVG line chart drawn on the server: no script, no library. The
// line spans the values from 0 to their maximum; the last value gets a dot.
import { escapeHtml } from './html-escape.js';

export interface SparklineOptions {
  /** Read by screen readers and shown as a tooltip. */
  label: string;
  width?: number;
  height?: number;
}

export function sparklineSvg(values: number[], options: SparklineOptions): string {
  const width = options.width ?? 120;
  const height = options.height ?? 24;
  const label = escapeHtml(options.label);
  const open = `<svg class="spark" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}"><title>${label}</title>`;
  if (values.length === 0) {
    const y = height - 1;
    return `${open}<line class="spark-empty" x1="0" y1="${y}" x2="${width}" y2="${y}"/></svg>`;
  }
  const max = Math.max(1, ...values);
  // One value still draws a line, flat across the whole width.
  const series = values.length === 1 ? [values[0] ?? 0, values[0] ?? 0] : values;
  const step = (width - 4) / (series.length - 1);
  const points = series.map((value, i) => {
    const x = 2 + i * step;
    const y = height - 2 - (Math.max(0, value) / max) * (height - 4);
    return [round(x), round(y)] as const;
  });
  const line = points.map(([x, y]) => `${x},${y}`).join(' ');
  const [lastX, lastY] = points[points.length - 1] ?? [0, 0];
  const area = `2,${height - 1} ${line} ${lastX},${height - 1}`;
  return (
    `${open}<polygon class="spark-area" points="${area}"/>` +
    `<polyline class="spark-line" points="${line}"/>` +
    `<circle class="spark-last" cx="${lastX}" cy="${lastY}" r="2"/></svg>`
  );
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
