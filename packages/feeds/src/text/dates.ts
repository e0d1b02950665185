// Dates as articles carry them, for every format: UTC ISO strings; a warning
// (naming the source field) instead of a crash when the text cannot be read, and a
// flag on dates far after the fetch.
import type { ParseContext } from '../parsed-article.js';
import { parseDate } from './parse-date.js';

// A date without a zone is the agency's local time: the feed's registered time zone
// when it has one, else a guess from its language.
const localOffsetMinutes: Record<string, number> = { ko: 540, ja: 540, zh: 480 };

// The fetch time of the document being parsed, read once for all its items (each
// date is checked against it) rather than parsed again for each.
let lastFetchedAt: string | undefined;
let lastFetchTime: Date | undefined;
function fetchTime(fetchedAt: string): Date {
  if (fetchedAt !== lastFetchedAt || lastFetchTime === undefined) {
    lastFetchTime = new Date(fetchedAt);
    lastFetchedAt = fetchedAt;
  }
  return lastFetchTime;
}

export function toIsoDate(
  value: string | undefined,
  warnings: string[],
  context?: ParseContext,
  field?: string,
): string | undefined {
  if (value === undefined) return undefined;
  const language = context?.language?.slice(0, 2).toLowerCase();
  const offset = language ? localOffsetMinutes[language] : undefined;
  const now = context?.fetchedAt ? fetchTime(context.fetchedAt) : undefined;
  const parsed = parseDate(value, {
    ...(now && !Number.isNaN(now.getTime()) && { now }),
    ...(offset !== undefined && { defaultOffsetMinutes: offset }),
    ...(context?.timeZone && { timeZone: context.timeZone }),
  });
  if (parsed.warning) warnings.push(field ? `${field}: ${parsed.warning}` : parsed.warning);
  return parsed.iso;
}
