// Date text from feeds to a UTC instant. Owns every date shape the agencies
// send: RFC 822/1123/2822 (and the asctime-like forms Go and Ruby print),
// ISO 8601/RFC 3339 in extended and basic form, Yonhap compact digits and
// Korean-language dates. Pure: no clock, no Date.parse; never throws.

import { collapseWhitespace } from './whitespace.js';

export interface DateParseOptions {
  /** The reference time for far-future checks (parsers are pure: no clock). */
  now?: Date;
  /** UTC offset in minutes assumed when the text has no zone, e.g. 540 for Korea. Default 0, with a warning. */
  defaultOffsetMinutes?: number;
  /**
   * The IANA time zone (`Asia/Seoul`, `Europe/Paris`) a date without a zone is read
   * in, daylight saving time included; it wins over `defaultOffsetMinutes`.
   */
  timeZone?: string;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC in the zone at that instant; undefined for an unknown zone. */
export function zoneOffsetMinutes(timeZone: string, epochMs: number): number | undefined {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    } catch {
      return undefined;
    }
    offsetFormats.set(timeZone, format);
  }
  const name = format.formatToParts(epochMs).find((part) => part.type === 'timeZoneName')?.value;
  const m = /GMT(?:([+-])(\d{2}):?(\d{2})?)?/.exec(name ?? '');
  if (!m) return undefined;
  return m[1] === undefined ? 0 : (m[1] === '-' ? -1 : 1) * (num(m[2]) * 60 + num(m[3]));
}

/** The offset of a wall-clock time in a zone: the zone's offset at the instant it names. */
function wallClockOffset(timeZone: string, wallAsUtcMs: number): number | undefined {
  const first = zoneOffsetMinutes(timeZone, wallAsUtcMs);
  if (first === undefined) return undefined;
  return zoneOffsetMinutes(timeZone, wallAsUtcMs - first * 60_000);
}

export interface ParsedDate {
  /** UTC, as `YYYY-MM-DDTHH:mm:ss.sssZ`; absent when the text could not be read. */
  iso?: string;
  /** Set when something was assumed or is suspicious; the caller adds it to its warnings. */
  warning?: string;
}

/** Zone names in minutes east of UTC. Ambiguous names (CST, IST, BST) take the reading RFC 822 or our feeds use. */
const zones: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  IST: 330,
  HKT: 480,
  SGT: 480,
  KST: 540,
  JST: 540,
  AEST: 600,
  AEDT: 660,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

const months =
  'january february march april may june july august september october november december'.split(
    ' ',
  );
const hourMs = 3_600_000;

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** Text after the date and time: a zone, junk or nothing. */
  rest: string;
  /** A bare ISO calendar date (`2023-02-03`, `20230203`): midnight UTC by convention. */
  isoDateOnly?: boolean;
}

type Clock = Pick<Fields, 'hour' | 'minute' | 'second' | 'ms'>;

const num = (digits: string | undefined): number => Number(digits ?? 0);
const millis = (fraction: string | undefined): number => num(`${fraction ?? ''}000`.slice(0, 3));

/** `Feb`, `feb.`, `Sept`, `February`: a prefix of at least three letters of a month name. */
function monthNumber(word: string | undefined): number {
  const w = (word ?? '').toLowerCase();
  return w.length < 3 ? 0 : months.findIndex((name) => name.startsWith(w)) + 1;
}

/** RFC 2822 section 4.3: two-digit years 00-49 are 20xx, 50-99 are 19xx. */
function fullYear(digits: string | undefined): number {
  const year = num(digits);
  return digits?.length === 2 ? year + (year < 50 ? 2000 : 1900) : year;
}

/** Military letters as RFC 822 defines them (A = +1 ... M = +12, N = -1 ... Y = -12); J is not a zone. */
function militaryOffset(letter: string): number | undefined {
  const code = letter.charCodeAt(0) - 64;
  if (code >= 1 && code <= 9) return code * 60;
  if (code >= 11 && code <= 13) return (code - 1) * 60;
  if (code >= 14 && code <= 25) return -(code - 13) * 60;
  return undefined;
}

/** `07:31`, `7:31:00.250`, `3:12 PM`, `오후 3:12:05`, `7시 31분`, after an optional `T` or comma. */
function readClock(text: string): { clock?: Clock; rest: string } {
  const m =
    /^(?:T|,?\s*)(?:(오전|오후)\s*)?(\d{1,2})(?::(\d{2})(?::(\d{2})(?:[.,](\d+))?)?|\s*시(?:\s*(\d{1,2})\s*분)?(?:\s*(\d{1,2})\s*초)?)(?:\s*([ap])\.?m\.?(?![a-z]))?/i.exec(
      text,
    );
  if (!m) return { rest: text };
  let h = num(m[2]);
  const meridiem = m[1] === '오전' ? 'a' : m[1] === '오후' ? 'p' : m[8]?.toLowerCase();
  if (meridiem) h = h < 1 || h > 12 ? 99 : (h % 12) + (meridiem === 'p' ? 12 : 0);
  const clock = { hour: h, minute: num(m[3] ?? m[6]), second: num(m[4] ?? m[7]), ms: millis(m[5]) };
  return { clock, rest: text.slice(m[0].length) };
}

/** A zone at the start of `text`; undefined when there is none (nothing, or junk that is not a zone). */
function readZone(text: string): { offset: number; warning?: string } | undefined {
  const t = text.trim().replace(/^\(/, '');
  const numeric = /^(?:UTC|GMT|UT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?(?!\d)/i.exec(t);
  if (numeric) {
    const [, sign, hh, mm] = numeric;
    if (num(hh) > 18 || num(mm) > 59)
      return { offset: 0, warning: `bad zone "${numeric[0]}", assumed UTC` };
    return { offset: (sign === '-' ? -1 : 1) * (num(hh) * 60 + num(mm)) };
  }
  const name = /^[a-z]+/i.exec(t)?.[0].toUpperCase();
  if (name === undefined) return undefined;
  const known = zones[name];
  if (known !== undefined) return { offset: known };
  const military = name.length === 1 ? militaryOffset(name) : undefined;
  if (military !== undefined) {
    return {
      offset: military,
      warning: `military zone "${name}" read as RFC 822 defines it; senders disagree on its sign`,
    };
  }
  return { offset: 0, warning: `unknown time zone "${name}", assumed UTC` };
}

/** A calendar date followed by an optional weekday and clock. */
function withClock(
  year: number,
  month: number,
  day: number,
  text: string,
  isoDate = false,
): Fields {
  const weekday = /^\s*\(?[월화수목금토일](?:요일)?\)?(?![가-힣])/;
  const { clock, rest } = readClock(text.replace(weekday, ''));
  const time = clock ?? { hour: 0, minute: 0, second: 0, ms: 0 };
  // A `T` with no time after it (`2023-02-03T`) is not the military zone T.
  const zone = clock ? rest : rest.replace(/^T(?=\s|$)/i, '');
  return { year, month, day, ...time, rest: zone, isoDateOnly: isoDate && !clock };
}

function readFields(s: string): Fields | undefined {
  let m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?/i.exec(s); // ISO basic, NewsML
  if (m) {
    const clock = { hour: num(m[4]), minute: num(m[5]), second: num(m[6]), ms: millis(m[7]) };
    return {
      year: num(m[1]),
      month: num(m[2]),
      day: num(m[3]),
      ...clock,
      rest: s.slice(m[0].length),
    };
  }
  m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?(?!\d)/.exec(s); // Yonhap compact, basic date
  if (m) {
    const clock = { hour: num(m[4]), minute: num(m[5]), second: num(m[6]), ms: 0 };
    const rest = s.slice(m[0].length);
    return {
      year: num(m[1]),
      month: num(m[2]),
      day: num(m[3]),
      ...clock,
      rest,
      isoDateOnly: !m[4],
    };
  }
  m = /^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/.exec(s);
  if (m) return withClock(num(m[1]), num(m[2]), num(m[3]), s.slice(m[0].length));
  m = /^(\d{4})\s*([-./])\s*(\d{1,2})\s*\2\s*(\d{1,2})\.?(?!\d)/.exec(s); // ISO extended, 2023.02.03
  if (m) return withClock(num(m[1]), num(m[3]), num(m[4]), s.slice(m[0].length), m[2] === '-');
  m = /^(?:[a-z]+\.?,?\s*)?(\d{1,2})[\s-]+([a-z]+)\.?,?[\s-]+(\d{4}|\d{2})(?!\d)/i.exec(s); // RFC 822
  if (m) return withClock(fullYear(m[3]), monthNumber(m[2]), num(m[1]), s.slice(m[0].length));
  m = /^(?:[a-z]+\.?(?:,\s*|\s+))?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/i.exec(
    s,
  ); // Feb 3, 2023
  if (m) return withClock(num(m[3]), monthNumber(m[1]), num(m[2]), s.slice(m[0].length));
  // asctime, Go's UnixDate and RubyDate: `Fri Feb 3 07:31:00 [zone] 2023`; rearranged to RFC 822 order.
  m =
    /^(?:[a-z]+,?\s+)?([a-z]+)\s+(\d{1,2})\s+(\d{1,2}:\d{2}(?::\d{2})?)\s+(?:(\S+)\s+)?(\d{4})(?!\d)/i.exec(
      s,
    );
  if (m) return readFields(`${m[2]} ${m[1]} ${m[5]} ${m[3]} ${m[4] ?? ''}${s.slice(m[0].length)}`);
  return undefined;
}

function isValid(f: Fields): boolean {
  const daysInMonth = new Date(Date.UTC(f.year, f.month, 0)).getUTCDate();
  return (
    f.month >= 1 &&
    f.month <= 12 &&
    f.day >= 1 &&
    f.day <= daysInMonth &&
    f.hour <= 23 &&
    f.minute <= 59 &&
    f.second <= 60 // a leap second rolls over into the next minute
  );
}

function toParsed(f: Fields, snippet: string, options: DateParseOptions): ParsedDate {
  if (f.year < 1900 || f.year > 2200) return { warning: `absurd date "${snippet}"` };
  if (!isValid(f)) return { warning: `invalid date "${snippet}"` };
  const warnings: string[] = [];
  const zone = readZone(f.rest);
  const wall = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.ms);
  const inZone =
    options.timeZone === undefined ? undefined : wallClockOffset(options.timeZone, wall);
  const fallback = options.defaultOffsetMinutes;
  let offset = 0;
  if (zone) {
    offset = zone.offset;
    if (zone.warning) warnings.push(zone.warning);
  } else if (inZone !== undefined && !f.isoDateOnly) {
    offset = inZone;
  } else if (typeof fallback === 'number' && Number.isFinite(fallback) && !f.isoDateOnly) {
    offset = fallback;
  } else if (!f.isoDateOnly) {
    warnings.push(`no time zone in "${snippet}", assumed UTC`);
  }
  const time = wall - offset * 60_000;
  const now = options.now instanceof Date ? options.now.getTime() : Number.NaN;
  if (time - now > 48 * hourMs) warnings.push(`date "${snippet}" is in the far future`);
  const iso = new Date(time).toISOString();
  return warnings.length > 0 ? { iso, warning: warnings.join('; ') } : { iso };
}

export function parseDate(text: string, options: DateParseOptions = {}): ParsedDate {
  let clean = '';
  try {
    // Only the runs that are not one space already: a date written with single
    // spaces is not rebuilt.
    clean = collapseWhitespace(String(text ?? '')).slice(0, 256);
    const fields = clean === '' ? undefined : readFields(clean);
    if (fields) return toParsed(fields, clean.slice(0, 64), options);
  } catch {
    // Fall through: whatever went wrong, the date is unreadable.
  }
  return { warning: `unreadable date "${clean.slice(0, 64)}"` };
}
