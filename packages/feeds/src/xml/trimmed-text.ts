// fast-xml-parser trims a text piece as written, then reads its references; saxes
// gives the piece with its references read, and trimming that is the same thing
// except where a reference at an edge stands for a character trim() removes
// (`&#32;x` keeps its space in fast-xml-parser's tree).

/** Whether String.prototype.trim removes this UTF-16 code unit. */
export function isTrimmed(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const lessThan = 60;
const greaterThan = 62;
const ampersand = 38;
const semicolon = 59;

/**
 * Whether trimming `read` (saxes's reading of text[from, to), a piece of character
 * data with the comments in it left out) could differ from fast-xml-parser's
 * reading: where the piece, as written, opens with a reference that saxes read as a
 * trimmed character, or ends in one, or ends in a comment (not looked into).
 */
export function mayTrimAReference(text: string, from: number, to: number, read: string): boolean {
  // Skip the whitespace and comments before the first character, counting the
  // characters saxes read for that whitespace (a CRLF is one).
  let start = from;
  let lead = 0;
  for (;;) {
    while (start < to && isTrimmed(text.charCodeAt(start))) {
      if (text.charCodeAt(start) === 13 && text.charCodeAt(start + 1) === 10) start++;
      start++;
      lead++;
    }
    if (text.charCodeAt(start) !== lessThan || start >= to) break;
    start = text.indexOf('-->', start + 4) + 3; // only a comment opens with '<' here
  }
  if (start === to) return false;
  if (text.charCodeAt(start) === ampersand && isTrimmed(read.charCodeAt(lead))) return true;

  let end = to;
  let trail = 0;
  while (isTrimmed(text.charCodeAt(end - 1))) {
    if (text.charCodeAt(end - 1) === 10 && text.charCodeAt(end - 2) === 13) end--;
    end--;
    trail++;
  }
  const last = text.charCodeAt(end - 1);
  if (last === greaterThan) return true;
  return last === semicolon && isTrimmed(read.charCodeAt(read.length - 1 - trail));
}
