// The place of a dateline, the date and the agency taken off: "Gaza City, May 16,
// 2021 (AFP) -", "Strasbourg, 10 juil 2024", "Berlin, 3. März 2024 (dpa)",
// "Madrid, 5 de mayo de 2024", "Roma, 12/07/2024" all give the place alone.
const months = [
  // English
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  // French
  'janv',
  'févr',
  'fevr',
  'mars',
  'avr',
  'mai',
  'juin',
  'juil',
  'août',
  'aout',
  'déc',
  // German, Dutch
  'jän',
  'märz',
  'mrt',
  'okt',
  'dez',
  // Spanish, Italian, Portuguese
  'ene',
  'abr',
  'ago',
  'dic',
  'gen',
  'mag',
  'giu',
  'lug',
  'set',
  'ott',
  'fev',
  'out',
];
const month = `(?:${months.join('|')})\\p{L}*\\.?`;
const day = '\\d{1,2}(?!\\d)(?:er|\\.)?';
const year = "(?:,?\\s*(?:de\\s+)?'?\\d{2,4})?";
const trailingDate = new RegExp(
  [
    // May 16, 2021 · 16 May 2021 · 10 juil 2024 · 3. März 2024 · 5 de mayo de 2024
    `,?\\s*(?:${month}\\s+${day}${year}|${day}\\s+(?:de\\s+)?${month}${year})`,
    // 12/07/2024 · 2024-07-10 · 10.07.2024
    ',?\\s*(?:\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2})',
  ]
    .map((alternative) => `(?:${alternative})\\s*$`)
    .join('|'),
  'iu',
);

/** The place of a dateline; undefined when nothing but a date or an agency is left. */
export function datelinePlace(dateline: string): string | undefined {
  const place = dateline
    .replace(/\s*\([^)]*\)[\s\-\u2013\u2014:]*$/, '')
    .replace(/[\s,;:\-\u2013\u2014]+$/, '')
    .replace(trailingDate, '')
    .replace(/[\s,;:\-\u2013\u2014]+$/, '')
    .trim();
  return place === '' || /^\d/.test(place) ? undefined : place;
}
