// The targets, checked against the figures of a run.
import type { Figure } from './harness.js';
import { markdownTable } from './table.js';

export interface Target {
  name: string;
  /** The figure whose ratio decides it. */
  figure: string;
  /** The ratio the figure needs; `atMost` for a cost, else at least. */
  threshold: number;
  atMost?: boolean;
}

export const memoryTargetMb = 200;

/** The name of a service's peak RSS figure in the ingester benchmark. */
export function peakRssFigure(service: 'ingester' | 'normalizer' | 'publisher'): string {
  return `${service} peak RSS under the ingester's load`;
}

/** Each service under 200 MB RSS while the ingester polls 10,000 feeds. */
export const memoryTargets: Target[] = (['ingester', 'normalizer', 'publisher'] as const).map(
  (service) => ({
    name: `${service} under ${memoryTargetMb} MB RSS with 10,000 feeds`,
    figure: peakRssFigure(service),
    threshold: 1,
    atMost: true,
  }),
);

export interface TargetOutcome extends Target {
  ratio: number | null;
  met: boolean | null;
  /** The figure as a multiple of what the target allows: ≥ 1 is met, 0.5 is half way. */
  margin: number | null;
}

export function checkTarget(target: Target, figures: readonly Figure[]): TargetOutcome {
  const ratio = figures.find((f) => f.name === target.figure)?.ratio ?? null;
  if (ratio === null) return { ...target, ratio, met: null, margin: null };
  const margin = target.atMost ? target.threshold / ratio : ratio / target.threshold;
  return { ...target, ratio, met: margin >= 1, margin };
}

export function formatTargets(outcomes: readonly TargetOutcome[]): string {
  const rows = outcomes.map((o) => {
    const verdict = o.met === null ? 'not measured' : o.met ? 'met' : 'missed';
    const by = o.margin === null ? '' : ` (${o.margin.toPrecision(2)}× of the target)`;
    const have = o.ratio === null ? 'n/a' : o.ratio.toPrecision(3);
    return [o.name, o.figure, `${o.atMost ? '≤' : '≥'} ${o.threshold}`, have, `${verdict}${by}`];
  });
  return markdownTable(['target', 'figure', 'needs ratio', 'has', 'verdict'], rows);
}
