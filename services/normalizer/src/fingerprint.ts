// A 64-bit SimHash (Charikar 2002) of an article's text over character 3-grams, so
// that Korean, Chinese and Japanese, without spaces between words, work as well as
// English. Two texts that differ by a few sentences or boilerplate lines are a few
// bits apart; unrelated texts are about 32 bits apart.
//
// Kept as two unsigned 32-bit halves (numbers, not BigInt) for speed.

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

// FNV-1a over the UTF-16 code units of text[start, start + length), with a seed so
// two independent 32-bit hashes make up the 64 bits.
function fnv1a(text: string, start: number, length: number, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = start; i < start + length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // A final avalanche, so neighbouring shingles do not share high bits.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  return hash >>> 0;
}

// How often each byte value came up in each of the hash's 8 bytes; reused, as
// fingerprintOf runs to completion without yielding.
const byteCounts = new Int32Array(8 * 256);

export function fingerprintOf(text: string): Fingerprint {
  const normalized = normalizeForFingerprint(text);
  const count = Math.max(1, normalized.length - shingleLength + 1);
  const length = Math.min(shingleLength, normalized.length);
  byteCounts.fill(0);
  // Each shingle counts its hash's 8 bytes (8 increments, not 64 bit updates);
  // the bit weights are summed from the counts once at the end: the same sums.
  for (let i = 0; i < count; i++) {
    const hi = fnv1a(normalized, i, length, 0x9e3779b9);
    const lo = fnv1a(normalized, i, length, 0x7f4a7c15);
    for (let byte = 0; byte < 4; byte++) {
      const at = (hi >>> (byte * 8)) & 0xff;
      byteCounts[byte * 256 + at] = (byteCounts[byte * 256 + at] ?? 0) + 1;
      const atLo = (lo >>> (byte * 8)) & 0xff;
      byteCounts[(byte + 4) * 256 + atLo] = (byteCounts[(byte + 4) * 256 + atLo] ?? 0) + 1;
    }
  }
  const weights = new Int32Array(64);
  for (let byte = 0; byte < 8; byte++) {
    for (let value = 0; value < 256; value++) {
      const seen = byteCounts[byte * 256 + value] ?? 0;
      if (seen === 0) continue;
      for (let bit = 0; bit < 8; bit++) {
        const at = byte * 8 + bit;
        weights[at] = (weights[at] ?? 0) + ((value >>> bit) & 1 ? seen : -seen);
      }
    }
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if ((weights[bit] ?? 0) > 0) hi |= 1 << bit;
    if ((weights[bit + 32] ?? 0) > 0) lo |= 1 << bit;
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
