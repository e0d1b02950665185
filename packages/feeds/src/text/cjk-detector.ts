// Which CJK charset a detector (chardet) takes bytes for. chardet's `analyse`
// runs all its recognisers, and the single-byte ones (n-gram tables over every
// byte) are most of its time; but only its five multi-byte recognisers name a
// CJK charset, and each returns no match at all when the bytes are not its
// charset. So those five run first, and the full analysis, which ranks every
// guess, only when one of them matched: bytes none of them takes for CJK (a
// Latin-1 document that declares nothing) skip it, with the same answer.
import { analyse } from 'chardet';
import type { Context } from 'chardet/lib/encoding/index.js';
import { big5, euc_jp, euc_kr, gb_18030, sjis } from 'chardet/lib/encoding/mbcs.js';

export type DetectorMatch = ReturnType<typeof analyse>[number];

const multiByteRecognisers = [new sjis(), new big5(), new euc_jp(), new euc_kr(), new gb_18030()];

/** The input as chardet's analyse hands it to each recogniser. */
function detectorContext(bytes: Uint8Array): Context {
  const byteStats = new Array<number>(256).fill(0);
  for (const byte of bytes) byteStats[byte] = (byteStats[byte] as number) + 1;
  let c1Bytes = false;
  for (let byte = 0x80; byte <= 0x9f && !c1Bytes; byte++) c1Bytes = byteStats[byte] !== 0;
  return {
    byteStats,
    c1Bytes,
    rawInput: bytes,
    rawLen: bytes.length,
    inputBytes: bytes,
    inputLen: bytes.length,
  };
}

/** Whether any of chardet's multi-byte (CJK) recognisers matches the bytes. */
export function mayBeCjk(bytes: Uint8Array): boolean {
  const context = detectorContext(bytes);
  return multiByteRecognisers.some((recogniser) => recogniser.match(context) !== null);
}

/**
 * chardet's guesses, best first, when one of them may be a CJK charset; none when
 * no CJK recogniser matched (then no guess of analyse's is CJK either).
 */
export function cjkGuesses(bytes: Uint8Array): DetectorMatch[] {
  return mayBeCjk(bytes) ? analyse(bytes) : [];
}
