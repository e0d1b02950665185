// The CJK gate against the library it shortcuts: chardet's multi-byte recognisers
// match bytes exactly when chardet's full analysis names a CJK charset among its
// guesses, on every file of the corpora (as sent and re-encoded in legacy
// charsets) and on random bytes. So decodeBytes, which skips the analysis when the
// gate is shut, reads every document as it did.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, repoRoot, samplesDir } from '@wire/testkit';
import { analyse } from 'chardet';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cjkGuesses, mayBeCjk } from '../../src/text/cjk-detector.js';

const cjkNames = new Set(['Shift_JIS', 'Big5', 'EUC-JP', 'EUC-KR', 'GB18030']);
const analysisSaysCjk = (bytes: Uint8Array) => analyse(bytes).some((m) => cjkNames.has(m.name));

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

// The head of each file: the analysis reads about 1 MB/s, and the property is the
// same on any bytes.
const head = 8 * 1024;
const roots = [
  corpusDir,
  samplesDir,
  join(repoRoot, 'samples'),
  join(repoRoot, 'services/normalizer/test/fixtures/agency'),
];
const sent = roots.flatMap((root) =>
  [...files(root)].map((path) => ({
    label: path.slice(root.length + 1),
    bytes: readFileSync(path).subarray(0, head),
  })),
);
const legacy = ['windows-1252', 'iso-8859-7', 'koi8-r', 'euc-kr', 'shift_jis', 'gb18030', 'big5'];
// Each file with text beyond ASCII, written in each legacy charset.
const reencoded = sent
  .filter(({ bytes }) => bytes.some((byte) => byte >= 0x80))
  .flatMap(({ label, bytes }) =>
    legacy.map((charset) => ({
      label: `${label} as ${charset}`,
      bytes: iconv.encode(Buffer.from(bytes).toString('utf8'), charset),
    })),
  );

describe('the CJK gate', () => {
  it('opens exactly when chardet names a CJK charset, on every corpus file as sent', () => {
    expect(sent.length).toBeGreaterThan(1000);
    const wrong = sent.filter(({ bytes }) => mayBeCjk(bytes) !== analysisSaysCjk(bytes));
    expect(wrong.map((w) => w.label)).toEqual([]);
  });

  it('opens exactly when chardet names a CJK charset, on the corpus in legacy charsets', () => {
    expect(reencoded.length).toBeGreaterThan(100);
    const wrong = reencoded.filter(({ bytes }) => mayBeCjk(bytes) !== analysisSaysCjk(bytes));
    expect(wrong.map((w) => w.label)).toEqual([]);
    // Both answers occur, so the comparison is not of one constant.
    expect(reencoded.some(({ bytes }) => mayBeCjk(bytes))).toBe(true);
    expect(reencoded.some(({ bytes }) => !mayBeCjk(bytes))).toBe(true);
  });

  it('opens exactly when chardet names a CJK charset, on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(mayBeCjk(bytes)).toBe(analysisSaysCjk(bytes));
      }),
      { numRuns: 3_000 },
    );
  });

  it("gives chardet's own guesses when open, none when shut", () => {
    for (const { bytes } of reencoded.slice(0, 200)) {
      expect(cjkGuesses(bytes)).toEqual(mayBeCjk(bytes) ? analyse(bytes) : []);
    }
  });
});
