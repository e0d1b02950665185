// A 64-bit SimHash (Charikar 2002) of an article's text over character 3-grams, so
// that Korean, Chinese and Japanese, without spaces between words, work as well as
// English. Two texts that differ by a few sentences or boilerplate lines are a few
// bits apart; unrelated texts are about 32 bits apart.
//
// Kept as two unsigned 32-bit halves (numbers, not BigInt) for speed. The text is
// read once into a reused buffer of code units, and each shingle hashed from the
// three units in hand: no regex, no substring, no allocation per shingle.
// test/fingerprint-oracle.ts keeps the regex version whose fingerprints these equal.

export interface Fingerprint {
  hi: number;
  lo: number;
}

const shingleLength = 3;

/** Lower case, compatibility forms folded, punctuation out, whitespace collapsed. */
export function normalizeForFingerprint(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Which UTF-16 code units of the Basic Multilingual Plane are letters or digits
// ([\p{L}\p{N}]), one byte each, read from the regex itself once when the module
// loads: a character then costs a table read, not a regex step. Surrogates are
// left at 0; a pair is tested as the one code point it makes.
const wordUnits = bmpWordUnits();

function bmpWordUnits(): Uint8Array {
  const table = new Uint8Array(0x10000);
  const codes: string[] = [];
  for (let code = 0; code < 0x10000; code += 0x1000) {
    const end = Math.min(code + 0x1000, 0x10000);
    const chunk = Array.from({ length: end - code }, (_, i) => code + i).filter(
      (c) => c < 0xd800 || c > 0xdfff,
    );
    codes.push(String.fromCharCode(...chunk));
  }
  // Every unit that is not a letter or digit becomes NUL: the same length, so a
  // position still names its unit.
  const marked = codes.join('').replace(/[^\p{L}\p{N}]/gu, '\0');
  for (let i = 0; i < marked.length; i++) {
    if (marked.charCodeAt(i) !== 0) table[i < 0xd800 ? i : i + 0x800] = 1;
  }
  return table;
}

const astralWord = /^[\p{L}\p{N}]$/u;

// The text's units after normalizing, reused (fingerprintOf runs to completion
// without yielding) and grown to the longest text seen.
let units = new Uint16Array(4096);

/**
 * The units of `normalizeForFingerprint(text)` into `units`, without the regex and
 * the strings it builds: NFKC and lower case, then letters and digits kept, each
 * run of anything else one space, none at either end. Returns the view written.
 */
function collapse(text: string): Uint16Array {
  const lowered = text.normalize('NFKC').toLowerCase();
  if (units.length < lowered.length) units = new Uint16Array(lowered.length * 2);
  let n = 0;
  let gap = false;
  for (let i = 0; i < lowered.length; i++) {
    const unit = lowered.charCodeAt(i);
    let pair = 0;
    let word: boolean;
    if (unit < 0xd800 || unit > 0xdfff) {
      word = wordUnits[unit] === 1;
    } else {
      const next = unit <= 0xdbff ? lowered.charCodeAt(i + 1) : 0;
      // A lone surrogate is no letter; a pair is one code point, tested as one.
      if (next >= 0xdc00 && next <= 0xdfff) {
        pair = next;
        word = astralWord.test(lowered.slice(i, i + 2));
      } else {
        word = false;
      }
    }
    if (word) {
      if (gap && n > 0) units[n++] = 0x20;
      gap = false;
      units[n++] = unit;
      if (pair) {
        units[n++] = pair;
        i++;
      }
    } else {
      gap = true;
      if (pair) i++;
    }
  }
  return units.subarray(0, n);
}

// FNV-1a over the UTF-16 code units of a shingle, with a seed so two independent
// 32-bit hashes make up the 64 bits, and a final avalanche so neighbouring
// shingles do not share high bits. Kept as int32 between steps: the same bits.
const basisHi = 0x811c9dc5 ^ 0x9e3779b9;
const basisLo = 0x811c9dc5 ^ 0x7f4a7c15;
const prime = 0x01000193;

function avalanche(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

function fnv1a(text: Uint16Array, start: number, length: number, basis: number): number {
  let hash = basis;
  for (let i = start; i < start + length; i++) hash = Math.imul(hash ^ (text[i] as number), prime);
  return avalanche(hash);
}

// How often each byte value came up in each of the hash's 8 bytes, and how many
// shingles set each bit of one byte; reused, as fingerprintOf runs to completion
// without yielding.
const byteCounts = new Int32Array(8 * 256);
const setBits = new Int32Array(8);

/** How many shingles had each of the 8 bits set in the byte counted at `offset`. */
function setCounts(offset: number): Int32Array {
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  let b3 = 0;
  let b4 = 0;
  let b5 = 0;
  let b6 = 0;
  let b7 = 0;
  for (let value = 1; value < 256; value++) {
    const seen = byteCounts[offset + value] as number;
    if (seen === 0) continue;
    if (value & 1) b0 += seen;
    if (value & 2) b1 += seen;
    if (value & 4) b2 += seen;
    if (value & 8) b3 += seen;
    if (value & 16) b4 += seen;
    if (value & 32) b5 += seen;
    if (value & 64) b6 += seen;
    if (value & 128) b7 += seen;
  }
  setBits[0] = b0;
  setBits[1] = b1;
  setBits[2] = b2;
  setBits[3] = b3;
  setBits[4] = b4;
  setBits[5] = b5;
  setBits[6] = b6;
  setBits[7] = b7;
  return setBits;
}

function bump(at: number): void {
  byteCounts[at] = (byteCounts[at] as number) + 1;
}

function count(hash: number, offset: number): void {
  bump(offset + (hash & 0xff));
  bump(offset + 256 + ((hash >>> 8) & 0xff));
  bump(offset + 512 + ((hash >>> 16) & 0xff));
  bump(offset + 768 + (hash >>> 24));
}

export function fingerprintOf(text: string): Fingerprint {
  const normalized = collapse(text);
  const n = normalized.length;
  byteCounts.fill(0);
  if (n >= shingleLength) {
    // Each 3-gram hashed from the three units in hand (no substring, no inner
    // loop); each hash counts its 8 bytes (8 increments, not 64 bit updates).
    let a = normalized[0] as number;
    let b = normalized[1] as number;
    for (let i = 2; i < n; i++) {
      const c = normalized[i] as number;
      count(
        avalanche(Math.imul(Math.imul(Math.imul(basisHi ^ a, prime) ^ b, prime) ^ c, prime)),
        0,
      );
      count(
        avalanche(Math.imul(Math.imul(Math.imul(basisLo ^ a, prime) ^ b, prime) ^ c, prime)),
        1024,
      );
      a = b;
      b = c;
    }
  } else {
    // Shorter than one shingle: the whole text (maybe empty) is the one shingle.
    count(fnv1a(normalized, 0, n, basisHi), 0);
    count(fnv1a(normalized, 0, n, basisLo), 1024);
  }
  // Each bit's weight from the counts of its byte, once: the same sums as +1/-1
  // per shingle. A bit is set where more shingles had it than not.
  const shingles = Math.max(1, n - shingleLength + 1);
  let hi = 0;
  let lo = 0;
  for (let byte = 0; byte < 8; byte++) {
    const bits = setCounts(byte * 256);
    for (let bit = 0; bit < 8; bit++) {
      if (2 * (bits[bit] as number) > shingles) {
        if (byte < 4) hi |= 1 << (byte * 8 + bit);
        else lo |= 1 << ((byte - 4) * 8 + bit);
      }
    }
  }
  return { hi: hi >>> 0, lo: lo >>> 0 };
}

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

export function hammingDistance(a: Fingerprint, b: Fingerprint): number {
  return popcount((a.hi ^ b.hi) >>> 0) + popcount((a.lo ^ b.lo) >>> 0);
}

export function fingerprintToHex(fingerprint: Fingerprint): string {
  return (
    fingerprint.hi.toString(16).padStart(8, '0') + fingerprint.lo.toString(16).padStart(8, '0')
  );
}

export function fingerprintFromHex(hex: string): Fingerprint {
  return {
    hi: Number.parseInt(hex.slice(0, 8), 16) >>> 0,
    lo: Number.parseInt(hex.slice(8, 16), 16) >>> 0,
  };
}

/**
 * The fingerprint cut into `bands` equal runs of bits (LSH): two fingerprints at most
 * `bands - 1` bits apart share at least one band, so a lookup by band finds them.
 */
export function fingerprintBands(fingerprint: Fingerprint, bands: number): string[] {
  const hex = fingerprintToHex(fingerprint);
  const width = 16 / bands;
  return Array.from({ length: bands }, (_, i) => `${i}:${hex.slice(i * width, (i + 1) * width)}`);
}
