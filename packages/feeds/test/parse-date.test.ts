import { describe, expect, it } from 'vitest';
import { type DateParseOptions, parseDate } from '../src/text/parse-date.js';

const korea: DateParseOptions = { defaultOffsetMinutes: 540 };
/** 2023-02-03 07:31 in Korea. */
const kst0731 = '2023-02-02T22:31:00.000Z';

describe('parseDate on RFC 822, 1123 and 2822 dates', () => {
  it.each([
    [
      'reads the full RFC 1123 form with a numeric zone',
      'Fri, 03 Feb 2023 07:31:00 +0900',
      kst0731,
    ],
    ['reads a date without a weekday', '03 Feb 2023 07:31:00 +0900', kst0731],
    ['ignores a wrong weekday', 'Mon, 03 Feb 2023 07:31:00 +0900', kst0731],
    ['reads a two-digit year below 50 as 20xx', 'Fri, 03 Feb 23 07:31:00 +0900', kst0731],
    [
      'reads a two-digit year of 50 or more as 19xx',
      'Fri, 01 Jan 99 00:00:00 GMT',
      '1999-01-01T00:00:00.000Z',
    ],
    ['reads a time without seconds', 'Fri, 03 Feb 2023 07:31 +0900', kst0731],
    [
      'reads a single-digit day and hour',
      'Fri, 3 Feb 2023 7:31:00 GMT',
      '2023-02-03T07:31:00.000Z',
    ],
    [
      'reads month and zone names in any case',
      'FRI, 03 FEB 2023 07:31:00 gmt',
      '2023-02-03T07:31:00.000Z',
    ],
    [
      'reads full weekday and month names',
      'Friday, 03 February 2023 07:31:00 GMT',
      '2023-02-03T07:31:00.000Z',
    ],
    [
      'reads an abbreviation with a dot such as Sept.',
      '03 Sept. 2023 07:31:00 GMT',
      '2023-09-03T07:31:00.000Z',
    ],
    [
      'reads the RFC 850 form with dashes',
      'Friday, 03-Feb-23 07:31:00 GMT',
      '2023-02-03T07:31:00.000Z',
    ],
    ['reads an offset with a colon', 'Fri, 03 Feb 2023 07:31:00 +09:00', kst0731],
    ['reads a negative offset', 'Fri, 03 Feb 2023 07:31:00 -0500', '2023-02-03T12:31:00.000Z'],
    [
      'reads an offset with a half hour',
      'Fri, 03 Feb 2023 07:31:00 +0530',
      '2023-02-03T02:01:00.000Z',
    ],
    ['reads GMT followed by an offset', 'Fri, 03 Feb 2023 07:31:00 GMT+9', kst0731],
    ['tolerates extra whitespace', '  Fri,  03   Feb 2023\n07:31:00   +0900  ', kst0731],
    ['tolerates a zone comment after the offset', 'Fri, 03 Feb 2023 07:31:00 +0900 (KST)', kst0731],
    ['reads a zone name in parentheses', 'Fri, 03 Feb 2023 07:31:00 (KST)', kst0731],
    [
      'tolerates trailing junk after the zone',
      'Fri, 03 Feb 2023 07:31:00 GMT, updated',
      '2023-02-03T07:31:00.000Z',
    ],
  ])('%s', (_name, text, iso) => {
    expect(parseDate(text)).toStrictEqual({ iso });
  });

  it.each([
    ['UT', '2023-02-03T12:00:00.000Z'],
    ['UTC', '2023-02-03T12:00:00.000Z'],
    ['GMT', '2023-02-03T12:00:00.000Z'],
    ['Z', '2023-02-03T12:00:00.000Z'],
    ['EST', '2023-02-03T17:00:00.000Z'],
    ['EDT', '2023-02-03T16:00:00.000Z'],
    ['CST', '2023-02-03T18:00:00.000Z'],
    ['CDT', '2023-02-03T17:00:00.000Z'],
    ['MST', '2023-02-03T19:00:00.000Z'],
    ['MDT', '2023-02-03T18:00:00.000Z'],
    ['PST', '2023-02-03T20:00:00.000Z'],
    ['PDT', '2023-02-03T19:00:00.000Z'],
    ['KST', '2023-02-03T03:00:00.000Z'],
    ['JST', '2023-02-03T03:00:00.000Z'],
    ['HKT', '2023-02-03T04:00:00.000Z'],
    ['SGT', '2023-02-03T04:00:00.000Z'],
    ['IST', '2023-02-03T06:30:00.000Z'],
    ['CET', '2023-02-03T11:00:00.000Z'],
    ['CEST', '2023-02-03T10:00:00.000Z'],
    ['EET', '2023-02-03T10:00:00.000Z'],
    ['EEST', '2023-02-03T09:00:00.000Z'],
    ['BST', '2023-02-03T11:00:00.000Z'],
    ['AEST', '2023-02-03T02:00:00.000Z'],
    ['AEDT', '2023-02-03T01:00:00.000Z'],
  ])('reads the named zone %s', (zone, iso) => {
    expect(parseDate(`Fri, 03 Feb 2023 12:00:00 ${zone}`)).toStrictEqual({ iso });
  });

  it.each([
    ['A', '2023-02-03T11:00:00.000Z'],
    ['M', '2023-02-03T00:00:00.000Z'],
    ['N', '2023-02-03T13:00:00.000Z'],
    ['Y', '2023-02-04T00:00:00.000Z'],
  ])('reads the military zone %s as RFC 822 defines it, with a warning', (zone, iso) => {
    expect(parseDate(`Fri, 03 Feb 2023 12:00:00 ${zone}`)).toStrictEqual({
      iso,
      warning: expect.stringContaining(`military zone "${zone}"`),
    });
  });

  it('treats an unknown zone name as UTC with a warning', () => {
    expect(parseDate('Fri, 03 Feb 2023 12:00:00 XYZ')).toStrictEqual({
      iso: '2023-02-03T12:00:00.000Z',
      warning: 'unknown time zone "XYZ", assumed UTC',
    });
  });

  it('treats an impossible numeric offset as UTC with a warning', () => {
    expect(parseDate('Fri, 03 Feb 2023 12:00:00 +2500')).toStrictEqual({
      iso: '2023-02-03T12:00:00.000Z',
      warning: 'bad zone "+2500", assumed UTC',
    });
  });
});

describe('parseDate on other English forms', () => {
  it.each([
    [
      'reads month-first dates with a 12-hour clock',
      'February 3, 2023 7:31 PM EST',
      undefined,
      '2023-02-04T00:31:00.000Z',
    ],
    [
      'reads ordinal days and a comma before the time',
      'Feb 3rd, 2023, 7:31 a.m. +0900',
      undefined,
      kst0731,
    ],
    ['reads asctime with the default offset', 'Fri Feb  3 07:31:00 2023', korea, kst0731],
    ["reads Go's UnixDate with a zone name", 'Fri Feb 3 07:31:00 KST 2023', undefined, kst0731],
    ["reads Ruby's date with a numeric zone", 'Fri Feb 03 07:31:00 +0900 2023', undefined, kst0731],
  ])('%s', (_name, text, options, iso) => {
    expect(parseDate(text, options)).toStrictEqual({ iso });
  });
});

describe('parseDate on ISO 8601 and RFC 3339 dates', () => {
  it.each([
    ['reads an offset with a colon', '2023-02-03T07:31:00+09:00', kst0731],
    ['reads Z', '2023-02-03T07:31:00Z', '2023-02-03T07:31:00.000Z'],
    ['reads lower-case t and z', '2023-02-03t07:31:00z', '2023-02-03T07:31:00.000Z'],
    [
      'keeps milliseconds of longer fractions',
      '2023-02-03T07:31:00.123456Z',
      '2023-02-03T07:31:00.123Z',
    ],
    ['pads a short fraction', '2023-02-03T07:31:00.5+09:00', '2023-02-02T22:31:00.500Z'],
    ['reads a time without seconds', '2023-02-03T07:31+09:00', kst0731],
    ['reads an offset without a colon', '2023-02-03T07:31:00-0500', '2023-02-03T12:31:00.000Z'],
    ['reads a space instead of T', '2023-02-03 07:31:00+09:00', kst0731],
    ['reads a space before the zone', '2023-02-03 07:31:00 +0900', kst0731],
    ['reads the basic form with an offset', '20230203T073100+0900', kst0731],
    ['reads the basic form with Z', '20230203T073100Z', '2023-02-03T07:31:00.000Z'],
    ['reads the basic form without seconds', '20230203T0731-0500', '2023-02-03T12:31:00.000Z'],
    ['reads a leap second as the next minute', '2016-12-31T23:59:60Z', '2017-01-01T00:00:00.000Z'],
    ['reads Feb 29 of a leap year', '2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
  ])('%s', (_name, text, iso) => {
    expect(parseDate(text)).toStrictEqual({ iso });
  });

  it.each([
    ['2023-02-03', '2023-02-03T00:00:00.000Z'],
    ['20230203', '2023-02-03T00:00:00.000Z'],
    ['2023-02-03T', '2023-02-03T00:00:00.000Z'],
  ])(
    'reads the bare date %s as midnight UTC without a warning, whatever the default offset',
    (text, iso) => {
      expect(parseDate(text, korea)).toStrictEqual({ iso });
    },
  );

  it('uses the default offset when the text has no zone', () => {
    expect(parseDate('2023-02-03T07:31:00', korea)).toStrictEqual({ iso: kst0731 });
    expect(parseDate('2023-02-03T07:31:00', { defaultOffsetMinutes: -300 })).toStrictEqual({
      iso: '2023-02-03T12:31:00.000Z',
    });
  });

  it('assumes UTC with a warning when there is neither a zone nor a default offset', () => {
    expect(parseDate('2023-02-03T07:31:00')).toStrictEqual({
      iso: '2023-02-03T07:31:00.000Z',
      warning: 'no time zone in "2023-02-03T07:31:00", assumed UTC',
    });
  });
});

describe('parseDate on Yonhap compact digits', () => {
  it.each([
    ['reads 14 digits with the default offset', '20230203073100', korea, { iso: kst0731 }],
    ['reads 12 digits with the default offset', '202302030731', korea, { iso: kst0731 }],
    [
      'warns when 14 digits come without a default offset',
      '20230203073105',
      undefined,
      { iso: '2023-02-03T07:31:05.000Z', warning: 'no time zone in "20230203073105", assumed UTC' },
    ],
    [
      'does not read 13 digits',
      '2023020307310',
      korea,
      { warning: 'unreadable date "2023020307310"' },
    ],
  ])('%s', (_name, text, options, expected) => {
    expect(parseDate(text, options)).toStrictEqual(expected);
  });
});

describe('parseDate on Korean dates', () => {
  it.each([
    ['reads 년 월 일 as local midnight', '2023년 02월 03일', '2023-02-02T15:00:00.000Z'],
    ['reads 시 and 분', '2023년 2월 3일 07시 31분', kst0731],
    [
      'reads 오후 with 시, 분 and 초',
      '2023년 2월 3일 오후 3시 12분 5초',
      '2023-02-03T06:12:05.000Z',
    ],
    ['skips a weekday in parentheses', '2023년 2월 3일 (금) 오후 3:12', '2023-02-03T06:12:00.000Z'],
    ['reads dotted dates', '2023.02.03 07:31', kst0731],
    [
      'reads dotted dates with spaces and a final dot',
      '2023. 2. 3. 오후 3:12',
      '2023-02-03T06:12:00.000Z',
    ],
    ['reads slashed dates', '2023/02/03 07:31', kst0731],
    ['reads 오전 as AM', '2023-02-03 오전 7:31', kst0731],
    ['reads 오후 as PM with seconds', '2023.02.03 오후 3:12:05', '2023-02-03T06:12:05.000Z'],
    ['reads 오전 12 as just after midnight', '2023-02-03 오전 12:05', '2023-02-02T15:05:00.000Z'],
    ['reads 오후 12 as just after noon', '2023-02-03 오후 12:05', '2023-02-03T03:05:00.000Z'],
    ['ignores Korean text after the time', '2023.02.03 07:31 송고', kst0731],
    ['honours an explicit zone after the time', '2023.02.03 07:31 GMT', '2023-02-03T07:31:00.000Z'],
  ])('%s', (_name, text, iso) => {
    expect(parseDate(text, korea)).toStrictEqual({ iso });
  });

  it('assumes UTC with a warning when no default offset was given', () => {
    expect(parseDate('2023.02.03 07:31')).toStrictEqual({
      iso: '2023-02-03T07:31:00.000Z',
      warning: 'no time zone in "2023.02.03 07:31", assumed UTC',
    });
  });
});

describe('parseDate on dates it must refuse', () => {
  it.each([
    ['Feb 30', '2023-02-30'],
    ['Feb 29 of a common year', '2023-02-29T00:00:00Z'],
    ['Apr 31', 'Mon, 31 Apr 2023 07:31:00 GMT'],
    ['month 13', '2023-13-01T00:00:00Z'],
    ['hour 25', '2023-02-03T25:00:00Z'],
    ['minute 60', '2023-02-03T07:60:00Z'],
    ['오후 13', '2023-02-03 오후 13:00'],
    ['an unknown month name', 'Fri, 03 Foo 2023 07:31:00 GMT'],
  ])('refuses %s as an invalid date', (_name, text) => {
    expect(parseDate(text, korea)).toStrictEqual({ warning: `invalid date "${text}"` });
  });

  it.each([
    ['1899-12-31T23:59:59Z'],
    ['2201-01-01T00:00:00Z'],
    ['0001-01-01T00:00:00Z'],
    ['Fri, 03 Feb 1850 07:31:00 GMT'],
  ])('refuses %s as an absurd date', (text) => {
    expect(parseDate(text)).toStrictEqual({ warning: `absurd date "${text}"` });
  });

  it.each([
    ['empty text', '', ''],
    ['blank text', ' \n\t ', ''],
    ['words', 'yesterday', 'yesterday'],
    ['a US-style slashed date, which is ambiguous', '02/03/2023', '02/03/2023'],
    [
      'a long text, cut to 64 characters',
      `not a date ${'x'.repeat(100)}`,
      `not a date ${'x'.repeat(53)}`,
    ],
  ])('reports %s as unreadable', (_name, text, quoted) => {
    expect(parseDate(text)).toStrictEqual({ warning: `unreadable date "${quoted}"` });
  });

  it('never throws, even on values that are not strings or a now that is not a date', () => {
    for (const value of [undefined, null, 42, {}, Symbol('x')]) {
      expect(() => parseDate(value as unknown as string)).not.toThrow();
      expect(parseDate(value as unknown as string).iso).toBeUndefined();
    }
    const badNow = { now: 'tomorrow' as unknown as Date };
    expect(parseDate('2023-02-03T07:31:00Z', badNow)).toStrictEqual({
      iso: '2023-02-03T07:31:00.000Z',
    });
  });
});

describe('parseDate far-future check', () => {
  const now = new Date('2023-02-03T00:00:00.000Z');

  it('keeps a date more than 48 hours ahead of now but warns about it', () => {
    expect(parseDate('2023-02-05T00:00:01Z', { now })).toStrictEqual({
      iso: '2023-02-05T00:00:01.000Z',
      warning: 'date "2023-02-05T00:00:01Z" is in the far future',
    });
  });

  it('accepts a date exactly 48 hours ahead without a warning', () => {
    expect(parseDate('2023-02-05T00:00:00Z', { now })).toStrictEqual({
      iso: '2023-02-05T00:00:00.000Z',
    });
  });

  it('does not check the future when no now is given', () => {
    expect(parseDate('2199-01-01T00:00:00Z')).toStrictEqual({ iso: '2199-01-01T00:00:00.000Z' });
  });

  it('joins the far-future warning to an assumed-zone warning', () => {
    expect(parseDate('2024-01-01 00:00', { now }).warning).toBe(
      'no time zone in "2024-01-01 00:00", assumed UTC; date "2024-01-01 00:00" is in the far future',
    );
  });
});

describe('parseDate in a feed time zone', () => {
  it.each([
    // Yonhap's compact digits, Seoul time (no daylight saving time)
    ['20230203073100', 'Asia/Seoul', kst0731],
    ['2023-02-03 07:31:00', 'Asia/Seoul', kst0731],
    // Paris in winter (+01:00) and in summer (+02:00)
    ['2024-01-10 12:00:00', 'Europe/Paris', '2024-01-10T11:00:00.000Z'],
    ['2024-07-10 12:00:00', 'Europe/Paris', '2024-07-10T10:00:00.000Z'],
    // New York, either side of the March switch
    ['2024-03-09T12:00:00', 'America/New_York', '2024-03-09T17:00:00.000Z'],
    ['2024-03-11T12:00:00', 'America/New_York', '2024-03-11T16:00:00.000Z'],
  ])('reads %j in %s as %s, with no warning', (text, timeZone, iso) => {
    expect(parseDate(text, { timeZone })).toEqual({ iso });
  });

  it('lets a zone the text gives win over the feed time zone', () => {
    expect(parseDate('2024-07-10T12:00:00Z', { timeZone: 'Europe/Paris' })).toEqual({
      iso: '2024-07-10T12:00:00.000Z',
    });
  });

  it('warns and assumes UTC only when no zone is known at all', () => {
    expect(parseDate('2024-07-10 12:00:00', { timeZone: 'Mars/Olympus' })).toEqual({
      iso: '2024-07-10T12:00:00.000Z',
      warning: 'no time zone in "2024-07-10 12:00:00", assumed UTC',
    });
  });
});
