// Whitespace made even in a text read from markup. The patterns match only the
// whitespace that must change, never a lone space between two words or a lone
// line break: in running text nearly every gap is already one space, and a
// pattern that matched each of them rebuilt the whole string for nothing (tidyText
// and collapseWhitespace were 11 % of the normalizer's CPU).

/** A run of whitespace other than a line break that is not one plain space. */
const unevenSpace = / [^\S\n]+|[^\S\n ][^\S\n]*/g;
/** A space beside a line break. */
const spaceAtBreak = / \n ?|\n /g;

/**
 * Whitespace within a line to one space, none at either end of a line, at most
 * one empty line in a row, none at either end of the text.
 */
export function tidyText(text: string): string {
  return text
    .replace(unevenSpace, ' ')
    .replace(spaceAtBreak, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Any run of whitespace, line breaks too, that is not one plain space. */
const unevenRun = / \s+|[^\S ]\s*/g;

/** Whitespace collapsed to single spaces, none at either end. */
export function collapseWhitespace(text: string): string {
  return text.replace(unevenRun, ' ').trim();
}
