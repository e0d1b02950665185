// Dates as articles carry them: UTC ISO strings, with a warning instead of a
// crash when the source's text cannot be read.
import type { ParseContext } from '../parsed-article.js';

export function toIsoDate(
  value: string | undefined,
  warnings: string[],
  _context?: ParseContext,
): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    warnings.push(`unreadable date "${value.slice(0, 64)}"`);
    return undefined;
  }
  return new Date(time).toISOString();
}
