// Namespace-blind reading of the parsed tree (xml/parse-xml.ts) for NITF and NewsML 1.x,
// which arrive with no namespace, a default one, or a prefix on every element.
import { asArray, attributePrefix, textKey, textOf, type XmlNode } from '../xml/parse-xml.js';

function asNode(value: unknown): XmlNode {
  if (value !== null && typeof value === 'object') return value as XmlNode;
  const text = textOf(value);
  return text === undefined || text === '' ? {} : { [textKey]: text };
}

/** Every child element with this local name, in order; a text-only child becomes { '#text': ... }. */
export function childrenOf(node: XmlNode | undefined, name: string): XmlNode[] {
  if (node === undefined) return [];
  const found: XmlNode[] = [];
  // Keys, not entries, and no local name cut out of each: a node is asked for
  // many names (docdata for a dozen), and only the matching keys are read.
  for (const key of Object.keys(node)) {
    if (key !== name && !hasLocalName(key, name)) continue;
    if (key === textKey || key.startsWith(attributePrefix)) continue;
    for (const child of asArray(node[key])) found.push(asNode(child));
  }
  return found;
}

/** Whether the key's local name (after its first colon) is the name, without cutting it out. */
function hasLocalName(key: string, name: string): boolean {
  const colon = key.indexOf(':');
  return colon >= 0 && key.length - colon - 1 === name.length && key.endsWith(name);
}

export function childOf(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return childrenOf(node, name)[0];
}

/** A child reached through a path of local names: childAt(head, 'docdata', 'urgency'). */
export function childAt(node: XmlNode | undefined, ...path: string[]): XmlNode | undefined {
  let current = node;
  for (const name of path) current = childOf(current, name);
  return current;
}

/** An attribute, trimmed; absent or empty gives undefined. */
export function attributeOf(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[`${attributePrefix}${name}`];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function collectText(node: unknown, parts: string[]): void {
  if (node === null || node === undefined) return;
  if (typeof node !== 'object') {
    parts.push(String(node));
    return;
  }
  for (const [key, value] of Object.entries(node as XmlNode)) {
    if (key.startsWith(attributePrefix)) continue;
    for (const child of asArray(value)) collectText(child, parts);
  }
}

/**
 * All text under an element with whitespace collapsed. Mixed content loses its order in
 * the tree, so use this for short metadata only, never for bodies.
 */
export function textIn(node: XmlNode | undefined): string | undefined {
  const parts: string[] = [];
  collectText(node, parts);
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}
