// Atom content in a binary MIME type, and Atom 0.3 mode="base64", is base64. It is
// kept as text only when it decodes to UTF-8 text; anything else stays as written.
import { isUtf8 } from 'node:buffer';
import { hasControlCharacters } from '../xml/control-characters.js';

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function decodeBase64Text(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  if (compact === '' || compact.length % 4 !== 0 || !base64.test(compact)) return undefined;
  const bytes = Buffer.from(compact, 'base64');
  if (!isUtf8(bytes)) return undefined;
  const text = bytes.toString('utf8');
  return hasControlCharacters(text) ? undefined : text.trim();
}
