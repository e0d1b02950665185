// A fetched document's bytes as text, for the item id scan: the normalizer's charset
// rule (XML 1.0 appendix F, RFC 7303) in its cheap part. A byte order mark, else NUL
// bytes among the first four (UTF-16/32), else the first declared charset that fits
// (HTTP, then the XML declaration), else UTF-8 when valid, else the declared legacy
// charset or windows-1252. What it leaves out is the normalizer's CJK detector for
// bytes declared UTF-8 that are not: ids are nearly always ASCII, which any of these
// decodings reads the same.
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';

const byteOrderMarks: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe, 0x00, 0x00], 'utf-32le'],
  [[0x00, 0x00, 0xfe, 0xff], 'utf-32be'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

// Which of the first four bytes are NUL ('0') or not ('x'): '<' in each wide encoding.
const widePatterns: Record<string, string> = {
  x000: 'utf-32le',
  '000x': 'utf-32be',
  x0x0: 'utf-16le',
  '0x0x': 'utf-16be',
};

/** The WHATWG decoder behind a label, or undefined when there is none (or it is wide). */
function decoderFor(label: string): TextDecoder | undefined {
  try {
    const decoder = new TextDecoder(label.trim(), { fatal: true });
    return decoder.encoding.startsWith('utf-16') ? undefined : decoder;
  } catch {
    return undefined;
  }
}

// UTF-32 has no WHATWG decoder; ids in a UTF-32 feed are read code point by code point.
function utf32(bytes: Buffer, littleEndian: boolean): string {
  const points: number[] = [];
  for (let at = 0; at + 3 < bytes.length; at += 4) {
    const point = littleEndian ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at);
    points.push(point <= 0x10ffff ? point : 0xfffd);
  }
  let text = '';
  for (let at = 0; at < points.length; at += 8192)
    text += String.fromCodePoint(...points.slice(at, at + 8192));
  return text;
}

function decodeWide(bytes: Buffer, charset: string): string {
  if (charset.startsWith('utf-32')) return utf32(bytes, charset === 'utf-32le');
  return new TextDecoder(charset).decode(bytes);
}

/** The text of a document, never throwing: bytes no charset fits are read as windows-1252. */
export function documentText(body: Buffer, contentType: string): string {
  const bom = byteOrderMarks.find(([mark]) => mark.every((byte, i) => body[i] === byte));
  const zeros = [0, 1, 2, 3].map((i) => (body[i] === 0 ? '0' : 'x')).join('');
  const wide = bom?.[1] ?? widePatterns[zeros];
  if (wide === 'utf-8') return body.toString('utf8', 3);
  if (wide) return decodeWide(body.subarray(bom?.[0].length ?? 0), wide);

  const head = body.subarray(0, 1024).toString('latin1');
  const labels = [
    contentType.match(/;\s*charset\s*=\s*["']?([^"';\s]+)/i)?.[1],
    head.match(/^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']*)["']/)?.[1],
  ];
  const declared = labels.flatMap((label) =>
    label === undefined ? [] : (decoderFor(label) ?? []),
  );
  const utf8 = isUtf8(body);
  // Declarations lie: a legacy charset does not fit bytes that are multi-byte UTF-8.
  const multiByte = utf8 && body.some((byte) => byte >= 0x80);
  for (const decoder of declared) {
    if (decoder.encoding === 'utf-8') {
      if (utf8) return body.toString('utf8');
      continue;
    }
    if (multiByte) continue;
    try {
      return decoder.decode(body);
    } catch {
      // Does not fit; the next declaration may.
    }
  }
  if (utf8) return body.toString('utf8');
  const legacy = declared.find((decoder) => decoder.encoding !== 'utf-8');
  return new TextDecoder(legacy?.encoding ?? 'windows-1252').decode(body);
}
