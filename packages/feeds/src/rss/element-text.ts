// The text of an RSS element. Feeds put HTML in RSS elements unescaped ("naked"),
// e.g. <description><p>text</p></description>: the object tree then holds child
// elements instead of text. Those are written back as markup, or read as plain
// text. The tree groups same-named siblings, so the order of mixed content is only
// approximated; escaped or CDATA HTML, the usual case, is unaffected.
import { withoutControlCharacters } from '../xml/control-characters.js';
import { textKey, textOf, type XmlNode } from '../xml/parse-xml.js';

const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const isElementKey = (key: string) => key !== textKey && !key.startsWith('@_');

function hasChildElements(node: unknown): node is XmlNode {
  return typeof node === 'object' && node !== null && Object.keys(node).some(isElementKey);
}

function childMarkup(node: unknown, name: string): string {
  if (typeof node !== 'object' || node === null) {
    return `<${name}>${escapeText(String(node ?? ''))}</${name}>`;
  }
  const attributes = Object.entries(node as XmlNode)
    .filter(([key]) => key.startsWith('@_'))
    .map(
      ([key, value]) => ` ${key.slice(2)}="${escapeText(String(value)).replace(/"/g, '&quot;')}"`,
    )
    .join('');
  return `<${name}${attributes}>${innerMarkup(node as XmlNode, true)}</${name}>`;
}

function innerMarkup(node: XmlNode, escapeOwnText: boolean): string {
  const text = textOf(node) ?? '';
  const children = Object.entries(node)
    .filter(([key]) => isElementKey(key))
    .flatMap(([key, value]) =>
      (Array.isArray(value) ? value : [value]).map((child) => childMarkup(child, key)),
    );
  return [escapeOwnText ? escapeText(text) : text, ...children]
    .filter((part) => part !== '')
    .join(' ');
}

function plainText(node: unknown): string {
  if (typeof node !== 'object' || node === null) return String(node ?? '');
  const parts = [textOf(node) ?? ''];
  for (const [key, value] of Object.entries(node as XmlNode)) {
    if (isElementKey(key)) parts.push(...(Array.isArray(value) ? value : [value]).map(plainText));
  }
  return parts.filter((part) => part.trim() !== '').join(' ');
}

const clean = (value: string | undefined): string | undefined => {
  const cleaned = value === undefined ? undefined : withoutControlCharacters(value).trim();
  return cleaned === '' ? undefined : cleaned;
};

/** An element's text; for naked markup, the markup (its own text stays as written). */
export function markupOf(element: unknown): string | undefined {
  return clean(hasChildElements(element) ? innerMarkup(element, false) : textOf(element));
}

/** An element's text; for naked markup, the text of all its descendants. */
export function plainTextOf(element: unknown): string | undefined {
  return clean(hasChildElements(element) ? plainText(element) : textOf(element));
}
