// A filing's tokens: CJK runs as character bigrams, numbers whole, words of other
// scripts less stop words. The text is read once with a table of character classes
// (built from the classes' regexes when the module loads) instead of a regex with a
// lookahead at every character; test/filing-tokens.test.ts keeps the regex this
// equals: [cjk]+ | \p{N}+(?:[.,]\p{N}+)* | (?:(?![cjk])[\p{L}\p{M}\p{N}])+

const cjk = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}ー';

const cjkChar = 1;
const numberChar = 2;
/** A letter, mark or digit (\p{L}\p{M}\p{N}), of any script. */
const wordChar = 4;
/** The class was read from a surrogate pair: the character is two units. */
const pairChar = 8;

const classPatterns: [number, string][] = [
  [cjkChar, `[${cjk}]`],
  [numberChar, '\\p{N}'],
  [wordChar, '[\\p{L}\\p{M}\\p{N}]'],
];

// The class bits of each UTF-16 unit of the Basic Multilingual Plane; surrogates 0.
const bmpClasses = bmpClassTable();

function bmpClassTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  const units: string[] = [];
  for (let code = 0; code < 0x10000; code++)
    units.push(code >= 0xd800 && code <= 0xdfff ? '\0' : String.fromCharCode(code));
  const all = units.join('');
  for (const [bit, pattern] of classPatterns) {
    // Every unit outside the class becomes NUL: the same length, so a position names its unit.
    const marked = all.replace(new RegExp(`(?!${pattern}).`, 'gsu'), '\0');
    for (let i = 0; i < marked.length; i++) {
      if (marked.charCodeAt(i) !== 0) table[i] = (table[i] as number) | bit;
    }
  }
  return table;
}

const astralPatterns = classPatterns.map(
  ([bit, pattern]) => [bit, new RegExp(`^${pattern}$`, 'u')] as const,
);

function astralClass(pair: string): number {
  let bits = pairChar;
  for (const [bit, pattern] of astralPatterns) if (pattern.test(pair)) bits |= bit;
  return bits;
}

/** The class bits of the character at `i`: a lone surrogate has none. */
function classAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 0xd800 || unit > 0xdfff) return bmpClasses[unit] as number;
  const next = unit <= 0xdbff ? text.charCodeAt(i + 1) : 0;
  if (next >= 0xdc00 && next <= 0xdfff) return astralClass(text.slice(i, i + 2));
  return 0;
}

const width = (bits: number) => (bits & pairChar ? 2 : 1);
const isWord = (bits: number) => (bits & (wordChar | cjkChar)) === wordChar;

/** Where the token that starts at `start` (of class `bits`) ends. */
function tokenEnd(text: string, start: number, bits: number): number {
  let i = start + width(bits);
  if (bits & cjkChar) {
    for (let at = classAt(text, i); i < text.length && at & cjkChar; at = classAt(text, i))
      i += width(at);
  } else if (bits & numberChar) {
    // Digits, and a point or comma only between digits: "2,500.12".
    while (i < text.length) {
      const at = classAt(text, i);
      if (at & numberChar) i += width(at);
      else if (
        (text[i] === '.' || text[i] === ',') &&
        i + 1 < text.length &&
        classAt(text, i + 1) & numberChar
      )
        i++;
      else break;
    }
  } else {
    for (let at = classAt(text, i); i < text.length && isWord(at); at = classAt(text, i))
      i += width(at);
  }
  return i;
}

// Words that every English headline has: they say nothing about which story it is.
const stopWords = new Set(
  'a an the of in on at to for from by with and or as is are was were be been its it this that than over after into amid says said'.split(
    ' ',
  ),
);

/** The text's tokens, NFKC and lower case; its numbers added to `numbers` too. */
export function tokensOf(text: string, numbers?: Set<string>): string[] {
  const tokens: string[] = [];
  const lowered = text.normalize('NFKC').toLowerCase();
  for (let i = 0; i < lowered.length; ) {
    const bits = classAt(lowered, i);
    if (!(bits & (cjkChar | wordChar))) {
      i += width(bits);
      continue;
    }
    const end = tokenEnd(lowered, i, bits);
    const token = lowered.slice(i, end);
    i = end;
    // By its first character, as the regex's alternatives are tried: a CJK run
    // that opens with a numeral (〇) is a number.
    if (bits & numberChar) {
      const number = token.replace(/,(?=\d{3}\b)/g, '');
      tokens.push(number);
      numbers?.add(number);
    } else if (bits & cjkChar) {
      if (token.length === 1) tokens.push(token);
      for (let j = 0; j + 1 < token.length; j++) tokens.push(token.slice(j, j + 2));
    } else if (!stopWords.has(token)) {
      tokens.push(token);
    }
  }
  return tokens;
}
