// Control characters (C0 but tab, newline and carriage return, which XML 1.0 does
// not allow, and C1, which is never text) that still reach text values: a lenient
// reader or a stray byte lets them through. They are taken out of text.
// \p{Cc} is exactly U+0000-U+001F and U+007F-U+009F: spelled out as one class,
// the scan over every text value tests a range, not a lookahead and a property.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it takes out.
const controls = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;

export const withoutControlCharacters = (text: string): string => text.replace(controls, '');

export const hasControlCharacters = (text: string): boolean =>
  withoutControlCharacters(text).length !== text.length;
