// The evidence of a document's charset that needs no decoder (XML 1.0 appendix F,
// RFC 7303): a byte order mark, NUL bytes showing UTF-16 or UTF-32, and the labels
// the HTTP charset and the XML declaration give. A leaf module: the ingester's id
// scan reads it without loading the parser.

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

/**
 * The charset the first bytes show whatever is declared: a byte order mark's (its
 * length to drop), else UTF-16 or UTF-32 from where the NULs are; undefined when
 * the bytes show none.
 */
export function shownCharset(
  bytes: Uint8Array,
): { charset: string; markLength: number } | undefined {
  const bom = byteOrderMarks.find(([mark]) => mark.every((byte, i) => bytes[i] === byte));
  if (bom) return { charset: bom[1], markLength: bom[0].length };
  const zeros = [0, 1, 2, 3].map((i) => (bytes[i] === 0 ? '0' : 'x')).join('');
  const wide = widePatterns[zeros];
  return wide ? { charset: wide, markLength: 0 } : undefined;
}

/** The charset labels declared, as written: the HTTP charset parameter, then the XML declaration's. */
export function declaredLabels(
  bytes: Uint8Array,
  contentType: string | undefined,
): { http?: string; xml?: string } {
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.byteLength, 1024),
  ).toString('latin1');
  const http = contentType?.match(/;\s*charset\s*=\s*["']?([^"';\s]+)/i)?.[1];
  const xml = head.match(/^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']*)["']/)?.[1];
  return { ...(http !== undefined && { http }), ...(xml !== undefined && { xml }) };
}
