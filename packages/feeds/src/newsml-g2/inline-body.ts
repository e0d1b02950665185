// NewsML-G2 2.35 "inlineXML" body markup (XHTML body, NITF 3.6 body.content): cut
// from the document text when there is one, otherwise rebuilt from the tree.
import type { G2InlineFormat, G2InlineXml } from './g2-item.js';

const prefix = '(?:[\\w.-]+:)?';

function formatOf(contentType: string | undefined, markup: string): G2InlineFormat {
  const type = contentType?.toLowerCase() ?? '';
  if (type.includes('nitf')) return 'nitf';
  if (type.includes('xhtml')) return 'xhtml';
  if (type.startsWith('text/html')) return 'html';
  if (new RegExp(`<${prefix}nitf(?=[\\s/>])`).test(markup)) return 'nitf';
  if (new RegExp(`<${prefix}html(?=[\\s/>])`).test(markup)) return 'xhtml';
  return 'unknown';
}

function innerOf(markup: string, element: string): string | undefined {
  const name = element.replace('.', '\\.');
  const pattern = new RegExp(
    `<${prefix}${name}(?=[\\s/>])[^>]*>([\\s\\S]*)</${prefix}${name}\\s*>`,
  );
  return pattern.exec(markup)?.[1];
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Runs of white space are one space in HTML, except inside pre. */
function collapseSpace(markup: string): string {
  return markup
    .split(/(<pre(?=[\s>])[\s\S]*?<\/pre\s*>)/i)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/\s+/g, ' ')))
    .join('');
}

/** Namespace prefixes off tag names, comments and CDATA resolved, page header and footer dropped. */
function tidy(markup: string): string {
  const cleaned = markup
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, data: string) => escapeText(data))
    .replace(/<(\/?)[\w.-]+:([\w.-]+)/g, '<$1$2')
    .replace(/<(header|footer)(?=[\s/>])[\s\S]*?<\/\1\s*>/gi, '');
  return collapseSpace(cleaned).trim();
}

/** Body markup from the inlineXML element's content as written. */
export function inlineBodyFromText(raw: string, contentType: string | undefined): G2InlineXml {
  const format = formatOf(contentType, raw);
  const inner =
    format === 'nitf' ? (innerOf(raw, 'body.content') ?? '') : (innerOf(raw, 'body') ?? raw);
  return withType({ format, markup: tidy(inner), lossy: false }, contentType);
}

// ---- rebuilt from the object tree: element order across names and mixed text are lost

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function localName(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

function childNamed(node: unknown, name: string): unknown {
  if (!isNode(node)) return undefined;
  const key = Object.keys(node).find((k) => localName(k) === name);
  const value = key === undefined ? undefined : node[key];
  return Array.isArray(value) ? value[0] : value;
}

function elementKeys(node: Node): string[] {
  return Object.keys(node).filter((k) => k !== '#text' && !k.startsWith('@_'));
}

/** True when the tree cannot tell the order: text beside elements, or elements of several names. */
function losesOrder(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(losesOrder);
  if (!isNode(node)) return false;
  const keys = elementKeys(node).filter((k) => !['header', 'footer'].includes(localName(k)));
  if (keys.length > 1 || (keys.length > 0 && '#text' in node)) return true;
  return keys.some((k) => losesOrder(node[k]));
}

function attributes(node: unknown): string {
  if (!isNode(node)) return '';
  return Object.entries(node)
    .filter(([k]) => k.startsWith('@_') && !k.includes(':'))
    .map(([k, v]) => ` ${k.slice(2)}="${escapeText(String(v)).replace(/"/g, '&quot;')}"`)
    .join('');
}

function serialize(node: unknown): string {
  if (typeof node === 'string') return escapeText(node);
  if (!isNode(node)) return '';
  let out = '#text' in node ? escapeText(String(node['#text'])) : '';
  for (const key of elementKeys(node)) {
    const name = localName(key);
    for (const element of [node[key]].flat()) {
      out += `<${name}${attributes(element)}>${serialize(element)}</${name}>`;
    }
  }
  return out;
}

/** Body markup rebuilt from the inlineXML element's tree. */
export function inlineBodyFromTree(node: unknown, contentType: string | undefined): G2InlineXml {
  const nitf = childNamed(node, 'nitf');
  const html = childNamed(node, 'html');
  const format =
    nitf !== undefined ? 'nitf' : html !== undefined ? 'xhtml' : formatOf(contentType, '');
  const root =
    nitf !== undefined
      ? childNamed(childNamed(nitf, 'body'), 'body.content')
      : (childNamed(html, 'body') ?? childNamed(node, 'body') ?? node);
  return withType({ format, markup: tidy(serialize(root)), lossy: losesOrder(root) }, contentType);
}

function withType(body: G2InlineXml, contentType: string | undefined): G2InlineXml {
  return contentType === undefined ? body : { ...body, contentType };
}
