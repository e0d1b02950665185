// Control characters (C0 but tab, newline and carriage return, which XML 1.0 does
// not allow, and C1, which is never text) that still reach text values: a lenient
// reader or a stray byte lets them through. They are taken out of text.
const controls = /(?![\t\n\r])\p{Cc}/gu;

export const withoutControlCharacters = (text: string): string => text.replace(controls, '');

export const hasControlCharacters = (text: string): boolean =>
  withoutControlCharacters(text).length !== text.length;
