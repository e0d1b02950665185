// A fetched document's bytes as text, for the item id scan: the normalizer's charset
// rule (XML 1.0 appendix F, RFC 7303) in its cheap part. A byte order mark, else NUL
// bytes among the first four (UTF-16/32), else the first declared charset that fits
// (HTTP, then the XML declaration), else UTF-8 when valid, else the declared legacy
// charset or windows-1252. What it leaves out is the normalizer's CJK detector for
// bytes declared UTF-8 that are not: ids are nearly always ASCII, which any of these
// decodings reads the same.
import { isAscii, isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { declaredLabels, shownCharset } from '@wire/feeds/charset-evidence';

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
  const wide = shownCharset(body);
  if (wide?.charset === 'utf-8') return body.toString('utf8', wide.markLength);
  if (wide) return decodeWide(body.subarray(wide.markLength), wide.charset);

  const { http, xml } = declaredLabels(body, contentType);
  const labels = [http, xml];
  const declared = labels.flatMap((label) =>
    label === undefined ? [] : (decoderFor(label) ?? []),
  );
  const utf8 = isUtf8(body);
  // Declarations lie: a legacy charset does not fit bytes that are multi-byte UTF-8.
  const multiByte = utf8 && !isAscii(body);
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
