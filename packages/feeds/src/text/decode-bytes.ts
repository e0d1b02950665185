// Bytes to text: a byte order mark wins, then the HTTP charset, then the XML
// declaration, then UTF-8. (XML 1.0 appendix F; RFC 7303 section 3.)
import { TextDecoder } from 'node:util';
import { ParseError } from '../errors.js';

const boms: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

function charsetFromContentType(contentType: string | undefined): string | undefined {
  return contentType?.match(/charset\s*=\s*"?([^";\s]+)/i)?.[1];
}

function charsetFromXmlDeclaration(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  return head.match(/^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/)?.[1];
}

export interface DecodedText {
  text: string;
  charset: string;
}

export function decodeBytes(bytes: Uint8Array, contentType?: string): DecodedText {
  for (const [mark, charset] of boms) {
    if (mark.every((byte, i) => bytes[i] === byte)) {
      return { text: new TextDecoder(charset).decode(bytes.subarray(mark.length)), charset };
    }
  }
  const declared =
    charsetFromContentType(contentType) ?? charsetFromXmlDeclaration(bytes) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared.toLowerCase());
  } catch (err) {
    throw new ParseError('CHARSET_UNSUPPORTED', declared, { cause: err });
  }
  return { text: decoder.decode(bytes), charset: decoder.encoding };
}
