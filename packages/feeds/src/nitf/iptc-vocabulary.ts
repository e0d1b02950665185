// IPTC controlled values shared by NITF 3.x and NewsML 1.2: 8-digit codes (Subject
// NewsCodes 01000000-17999999 and, as some providers send there, Media Topics 20000000
// and up) to concept URIs, and the 1-first urgency scales.

const subjectCode = /^(0[1-9]|1[0-7])\d{6}$/;
const mediaTopic = /^20\d{6}$/;

export function iptcCodeUri(code: string): string | undefined {
  if (subjectCode.test(code)) return `http://cv.iptc.org/newscodes/subjectcode/${code}`;
  if (mediaTopic.test(code)) return `http://cv.iptc.org/newscodes/mediatopic/${code}`;
  return undefined;
}

/** IPTC urgency scales (NITF ed-urg 1-8, NewsML 1 Urgency 1-9) share ninjs order: 1 first. */
export function urgencyOrWarn(value: string | undefined, warnings: string[]): number | undefined {
  if (value === undefined) return undefined;
  const urgency = Number(value);
  if (!Number.isInteger(urgency)) {
    warnings.push(`unreadable urgency "${value.slice(0, 16)}"`);
    return undefined;
  }
  if (urgency < 1 || urgency > 9) warnings.push(`urgency ${urgency} clamped to 1-9`);
  return Math.min(9, Math.max(1, urgency));
}
