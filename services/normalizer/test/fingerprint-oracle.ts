// The SimHash as it was before fingerprint.ts read its characters without a regex
// and hashed shingles from a code-unit buffer (kept verbatim, test-only): the
// oracle the new implementation must agree with, fingerprint for fingerprint.
import type { Fingerprint } from '../src/index.js';

const shingleLength = 3;

export function oracleNormalizeForFingerprint(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function fnv1a(text: string, start: number, length: number, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = start; i < start + length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  return hash >>> 0;
}

const byteCounts = new Int32Array(8 * 256);

export function oracleFingerprintOf(text: string): Fingerprint {
  const normalized = oracleNormalizeForFingerprint(text);
  const count = Math.max(1, normalized.length - shingleLength + 1);
  const length = Math.min(shingleLength, normalized.length);
  byteCounts.fill(0);
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
