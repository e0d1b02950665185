// Dates as articles carry them, for every format: UTC ISO strings; a warning
// (naming the source field) instead of a crash when the text cannot be read, and a
// flag on dates far after the fetch.
import type { ParseContext } from '../parsed-article.js';
import { parseDate } from './parse-date.js';

// A date without a zone is the agency's local time: the feed's registered time zone
// when it has one, else a guess from its language.
const localOffsetMinutes: Record<string, number> = { ko: 540, ja: 540, zh: 480 };

export function toIsoDate(
  value: string | undefined,
  warnings: string[],
  context?: ParseContext,
  field?: string,
): string | undefined {
  if (value === undefined) return undefined;
  const language = context?.language?.slice(0, 2).toLowerCase();
  const offset = language ? localOffsetMinutes[language] : undefined;
  const now = context?.fetchedAt ? new Date(context.fetchedAt) : undefined;
  const parsed = parseDate(value, {
    ...(now && !Number.isNaN(now.getTime()) && { now }),
    ...(offset !== undefined && { defaultOffsetMinutes: offset }),
    ...(context?.timeZone && { timeZone: context.timeZone }),
  });
  if (parsed.warning) warnings.push(field ? `${field}: ${parsed.warning}` : parsed.warning);
  return parsed.iso;
}
