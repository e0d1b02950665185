// An article page's bytes to text: the HTTP charset, else the page's own <meta
// charset> or <meta http-equiv="Content-Type">, within its first 1024 bytes as
// the HTML standard's prescan looks; then the same decoding a feed gets (byte
// order marks, lying labels, the CJK detector), so EUC-KR and GB2312 pages read.
import { type DecodedText, decodeBytes } from '../text/decode-bytes.js';

const metaCharset = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

/** The charset label the page's meta tags declare, if any. */
export function metaCharsetOf(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
  return metaCharset.exec(head.toString('latin1'))?.[1];
}

export function decodePage(bytes: Uint8Array, contentType: string | undefined): DecodedText {
  const declared = /;\s*charset\s*=/i.test(contentType ?? '');
  const meta = declared ? undefined : metaCharsetOf(bytes);
  return decodeBytes(bytes, meta ? `text/html; charset=${meta}` : contentType);
}
