// NewsML-G2 2.35 "Flex1PropType" and common attributes read from the parsed tree:
// attributes, plain texts, names in the item's language, concept references.
import { asArray, textKey, textOf, type XmlNode } from '../xml/parse-xml.js';
import { compact } from './compact.js';
import type { G2Concept } from './g2-item.js';

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function children(node: unknown, name: string): unknown[] {
  return isNode(node) ? asArray(node[name] as unknown) : [];
}

export function child(node: unknown, name: string): unknown {
  return children(node, name)[0];
}

/** An attribute, trimmed; an empty one counts as absent. */
export function attr(node: unknown, name: string): string | undefined {
  if (!isNode(node)) return undefined;
  const value = node[`@_${name}`];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Every text inside an element, its children's too, in tree order. */
export function flatText(node: unknown): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(flatText).join(' ');
  if (!isNode(node)) return '';
  return Object.entries(node)
    .filter(([key]) => !key.startsWith('@_'))
    .map(([key, value]) => (key === textKey ? String(value) : flatText(value)))
    .join(' ');
}

/** The text of an element, whitespace collapsed; undefined when empty. */
export function text(node: unknown): string | undefined {
  if (node === undefined) return undefined;
  const value = collapseSpace(textOf(node) ?? flatText(node));
  return value === '' ? undefined : value;
}

export function childText(node: unknown, name: string): string | undefined {
  return text(child(node, name));
}

function primary(lang: string): string {
  return lang.split('-')[0]?.toLowerCase() ?? '';
}

/** Of several `name` elements, the one in the item's language, else one without a language, else the first. */
export function pickName(names: unknown[], lang: string | undefined): string | undefined {
  const candidates = names.flatMap((node) => {
    const value = text(node);
    return value === undefined ? [] : [{ value, lang: attr(node, 'xml:lang')?.toLowerCase() }];
  });
  const wanted = lang?.toLowerCase();
  const found =
    (wanted && candidates.find((c) => c.lang === wanted)) ||
    (wanted &&
      candidates.find((c) => c.lang !== undefined && primary(c.lang) === primary(wanted))) ||
    candidates.find((c) => c.lang === undefined) ||
    candidates[0];
  return found?.value;
}

/** A concept reference (qcode, uri, literal) with its name; undefined when the element is absent. */
export function concept(node: unknown, lang: string | undefined): G2Concept | undefined {
  if (node === undefined) return undefined;
  return compact<G2Concept>({
    qcode: attr(node, 'qcode'),
    uri: attr(node, 'uri'),
    literal: attr(node, 'literal'),
    name: pickName(children(node, 'name'), lang),
    type: attr(node, 'type'),
    role: attr(node, 'role'),
    rel: attr(node, 'rel'),
  });
}

export function concepts(node: unknown, name: string, lang: string | undefined): G2Concept[] {
  return children(node, name).flatMap((element) => concept(element, lang) ?? []);
}
