// Bytes to text. The evidence, strongest first (XML 1.0 appendix F; RFC 7303 section 3;
// ideas from miniflux's reader/encoding and Python feedparser's encoding detection):
//  1. A byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) wins and is dropped from the text.
//  2. Without one, NUL bytes among the first four show UTF-16 or UTF-32 (`3C 00 3F 00` is
//     `<?` in UTF-16LE).
//  3. Otherwise the HTTP charset parameter, then the XML declaration's encoding, then UTF-8.
//  4. Labels go through an alias table (names as in the WHATWG Encoding Standard, decoded
//     with a superset where one exists); an unknown label is a warning, never a crash.
//  5. Declarations can lie. The first declared charset that fits the bytes wins (HTTP before
//     XML). UTF-8 fits valid UTF-8; any other charset fits when it decodes without replacement
//     and the bytes are not multi-byte UTF-8 (servers that say latin1 but send UTF-8). If none
//     fits: valid UTF-8 is UTF-8, invalid bytes declared (or assumed) UTF-8 become windows-1252,
//     and a declared legacy charset is kept. ISO-8859-1 using 0x80-0x9F is windows-1252.
//  6. Declarations lie in CJK too: bytes declared (or assumed) UTF-8 that are not,
//     and fit no declared charset, go to a detector (chardet). A CJK charset it is
//     sure of (EUC-KR, GB18030, Big5, Shift_JIS, EUC-JP) that decodes them cleanly
//     wins, with a warning; when it sees CJK it cannot decode, the document is
//     refused (CHARSET_UNREADABLE) rather than turned into mojibake.
//  7. Invalid bytes that remain become U+FFFD, counted in a warning.
// The XML declaration inside `text` may still name the old encoding: the XML parser gets a
// string, not bytes.
import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { ParseError } from '../errors.js';
import { declaredLabels, shownCharset } from './charset-evidence.js';
import { cjkGuesses } from './cjk-detector.js';

export interface DecodedText {
  text: string;
  charset: string;
  warnings: string[];
}

// Canonical name → its other labels. Patterns below add iso-8859-N and windows-125N spellings.
const aliasTable: Record<string, string[]> = {
  'utf-8': ['utf8', 'unicode-1-1-utf-8', 'x-unicode20utf8'],
  'utf-16le': ['utf-16', 'utf16', 'utf16le', 'ucs-2', 'unicode', 'csunicode'],
  'utf-16be': ['utf16be', 'unicodefffe'],
  'utf-32le': ['utf-32', 'utf32', 'utf32le', 'ucs-4'],
  'utf-32be': ['utf32be'],
  'euc-kr': ['x-euc-kr', 'euckr', 'ks_c_5601-1987', 'ksc5601', 'cp949', 'windows-949', 'uhc'],
  gbk: ['gb2312', 'x-gbk', 'cp936', 'windows-936', 'euc-cn', 'csgb2312', 'gb_2312-80', 'chinese'],
  gb18030: [],
  big5: ['big5-hkscs', 'big5hkscs', 'cn-big5', 'x-x-big5', 'csbig5', 'cp950'],
  shift_jis: ['shift-jis', 'sjis', 'x-sjis', 'ms_kanji', 'windows-31j', 'ms932', 'cp932'],
  'euc-jp': ['eucjp', 'x-euc-jp', 'cseucpkdfmtjapanese'],
  'koi8-r': ['koi8r', 'koi8', 'koi', 'cskoi8r'],
  'koi8-u': ['koi8u', 'koi8-ru'],
  'iso-8859-1': ['latin1', 'l1', 'iso-ir-100', 'cp819', 'ibm819', 'csisolatin1'],
  'iso-8859-2': ['latin2', 'l2'],
  'iso-8859-15': ['latin9', 'l9'],
  'windows-1252': ['us-ascii', 'ascii', 'ansi_x3.4-1968', 'iso646-us', 'csascii'],
};

const aliases = new Map(
  Object.entries(aliasTable).flatMap(([name, labels]) =>
    [name, ...labels].map((label) => [label, name] as const),
  ),
);

// The iconv-lite decoder behind a canonical name, where it is not the name itself.
const decoders: Record<string, string> = {
  'euc-kr': 'cp949',
  gbk: 'gb18030',
  big5: 'big5hkscs',
  shift_jis: 'shiftjis',
};

const isWide = (charset: string) => /^utf-(16|32)/.test(charset);

interface Declared {
  source: 'HTTP charset' | 'XML encoding';
  charset: string;
}

interface Attempt {
  charset: string;
  text: string;
  replaced: number;
}

export function decodeBytes(bytes: Uint8Array, contentType?: string): DecodedText {
  if (bytes.length === 0) throw new ParseError('DOCUMENT_EMPTY');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const warnings: string[] = [];
  const wide = shownCharset(buffer);
  const chosen = wide
    ? attempt(buffer.subarray(wide.markLength), wide.charset)
    : choose(buffer, declaredCharsets(buffer, contentType, warnings), warnings);
  if (chosen.replaced > 0) warnings.push(`${chosen.replaced} invalid byte sequences replaced`);
  return { text: chosen.text, charset: chosen.charset, warnings };
}

// The HTTP charset, then the XML declaration's encoding, resolved and without repeats.
function declaredCharsets(bytes: Buffer, contentType: string | undefined, warnings: string[]) {
  const { http, xml } = declaredLabels(bytes, contentType);
  const labels: [Declared['source'], string | undefined][] = [
    ['HTTP charset', http],
    ['XML encoding', xml],
  ];
  const declared: Declared[] = [];
  for (const [source, label] of labels) {
    if (label === undefined) continue;
    const charset = resolveLabel(label);
    if (!charset) warnings.push(`${source} "${label}" is not a known encoding; ignored`);
    else if (isWide(charset))
      warnings.push(`${source} "${label}" ignored: the bytes do not look like ${charset}`);
    else if (!declared.some((d) => d.charset === charset)) declared.push({ source, charset });
  }
  return declared;
}

function resolveLabel(label: string): string | undefined {
  const key = label.trim().toLowerCase();
  const known = aliases.get(key);
  if (known) return known;
  const iso = key.match(/^iso[-_ ]?8859[-_ ]?(\d{1,2})(?::\d{4})?$/)?.[1];
  if (iso && iconv.encodingExists(`iso-8859-${Number(iso)}`)) return `iso-8859-${Number(iso)}`;
  const windows = key.match(/^(?:windows-?|x-cp|cp|win-?)(125[0-8])$/)?.[1];
  return windows ? `windows-${windows}` : undefined;
}

// Rule 5: the first declared charset that fits, else UTF-8 if valid, else a fallback.
function choose(bytes: Buffer, declared: Declared[], warnings: string[]): Attempt {
  const utf8 = isUtf8(bytes);
  const tried = new Map<string, Attempt>();
  const decode = (charset: string) => {
    const done =
      tried.get(charset) ??
      (charset === 'utf-8' && utf8 ? validUtf8(bytes) : attempt(bytes, charset));
    tried.set(charset, done);
    return done;
  };
  const multiByte = utf8 && !isAscii(bytes);
  const fits = ({ charset }: Declared) =>
    charset === 'utf-8' ? utf8 : !multiByte && decode(charset).replaced === 0;
  const fitting = declared.find(fits)?.charset ?? (utf8 ? 'utf-8' : undefined);
  if (fitting === undefined) {
    const detected = detectCjk(bytes, decode);
    if (detected) {
      warnings.push(
        `${describeDeclared(declared)} does not fit: the bytes are ${detected} (detected); decoded as ${detected}`,
      );
      return decode(detected);
    }
  }
  let charset = fitting ?? declared.find((d) => d.charset !== 'utf-8')?.charset ?? 'windows-1252';
  const mismatch = explainMismatch(declared, charset, utf8);
  if (mismatch) warnings.push(mismatch);
  if (charset === 'iso-8859-1' && bytes.some((byte) => byte >= 0x80 && byte <= 0x9f)) {
    warnings.push('iso-8859-1 text uses bytes 0x80-0x9F (windows-1252); decoded as windows-1252');
    charset = 'windows-1252';
  }
  return decode(charset);
}

const cjkCharsets = new Set(['euc-kr', 'gbk', 'gb18030', 'big5', 'shift_jis', 'euc-jp']);

function describeDeclared(declared: Declared[]): string {
  const [first] = declared;
  return first ? `${first.source} ${first.charset}` : 'UTF-8 (no charset declared)';
}

/**
 * The CJK charset a detector is sure of (its best guess, confidence 50 or more) and
 * that decodes the bytes without a replacement; throws when it sees CJK it cannot
 * decode.
 */
function detectCjk(bytes: Buffer, decode: (charset: string) => Attempt): string | undefined {
  const matches = cjkGuesses(bytes).map((match) => ({
    ...match,
    charset: resolveLabel(match.name),
  }));
  const isCjk = (match: (typeof matches)[number]) =>
    match.charset !== undefined && cjkCharsets.has(match.charset);
  // Only when the detector's best guess is CJK: GB18030 decodes nearly any bytes.
  if (!matches[0] || !isCjk(matches[0])) return undefined;
  const sure = matches.filter((match) => isCjk(match) && match.confidence >= 50);
  const clean = sure.find((match) => decode(match.charset as string).replaced === 0);
  if (clean) return clean.charset;
  const best = sure[0];
  if (best)
    throw new ParseError(
      'CHARSET_UNREADABLE',
      `the bytes look like ${best.name} (confidence ${best.confidence}) but do not decode as it`,
    );
  return undefined;
}

function explainMismatch(declared: Declared[], chosen: string, utf8: boolean) {
  const [first, second] = declared;
  if (first && second)
    return `${first.source} ${first.charset} and ${second.source} ${second.charset} disagree; decoded as ${chosen}`;
  if (!first && chosen !== 'utf-8')
    return `no charset declared and the bytes are not valid UTF-8 (the default); decoded as ${chosen}`;
  if (first && first.charset !== chosen)
    return `${first.source} ${first.charset} does not fit: the bytes are ${utf8 ? '' : 'not '}valid UTF-8; decoded as ${chosen}`;
  return undefined;
}

// Bytes known to be valid UTF-8: nothing to replace, so neither iconv-lite's
// streaming decoder nor a count of U+FFFD is needed; the text is the same.
function validUtf8(bytes: Buffer): Attempt {
  return { charset: 'utf-8', text: bytes.toString('utf8'), replaced: 0 };
}

// Decodes with replacement and counts the U+FFFD the decoder introduced (not ones encoded).
function attempt(bytes: Buffer, charset: string): Attempt {
  const decoder = decoders[charset] ?? charset;
  let text: string;
  try {
    text = iconv.decode(bytes, decoder, { stripBOM: false });
  } catch (err) {
    throw new ParseError('CHARSET_UNSUPPORTED', charset, { cause: err });
  }
  const found = text.split('\uFFFD').length - 1;
  const replaced = found === 0 ? 0 : Math.max(0, found - encodedReplacements(bytes, decoder));
  return { charset, text, replaced };
}

function encodedReplacements(bytes: Buffer, decoder: string): number {
  const encoded = iconv.encode('\uFFFD', decoder);
  if (iconv.decode(encoded, decoder) !== '\uFFFD') return 0;
  let count = 0;
  for (let at = bytes.indexOf(encoded); at >= 0; at = bytes.indexOf(encoded, at + encoded.length))
    count++;
  return count;
}
