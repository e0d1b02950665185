// Package structure and item references (NewsML-G2 2.35 spec, "Package Item":
// groupSet, group, groupRef, itemRef; "Link1Type" for itemMeta/link).
import { compact } from './compact.js';
import type { G2Reference, G2Text } from './g2-item.js';
import { attr, children, childText, concept, text } from './g2-xml.js';

export function decodeReference(
  node: unknown,
  lang: string | undefined,
  groupRole?: string,
): G2Reference {
  return compact<G2Reference>({
    residref: attr(node, 'residref'),
    href: attr(node, 'href'),
    rel: attr(node, 'rel'),
    version: attr(node, 'version'),
    contentType: attr(node, 'contenttype'),
    title: childText(node, 'title'),
    itemClass: concept(children(node, 'itemClass')[0], lang),
    groupRole,
    descriptions: children(node, 'description').flatMap((element) => {
      const value = text(element);
      return value === undefined ? [] : [compact<G2Text>({ value, role: attr(element, 'role') })];
    }),
  });
}

/**
 * The itemRefs of a groupSet, walking from the root group through groupRefs, then
 * any group the walk did not reach. Within a group, itemRefs come before groupRefs:
 * the object tree does not keep their relative order.
 */
export function decodeGroupSet(node: unknown, lang: string | undefined): G2Reference[] {
  const all = children(node, 'group');
  const groups = new Map(all.map((group) => [attr(group, 'id'), group]));
  const visited = new Set<unknown>();
  const refs: G2Reference[] = [];
  const walk = (group: unknown): void => {
    if (group === undefined || visited.has(group)) return;
    visited.add(group);
    const role = attr(group, 'role');
    for (const itemRef of children(group, 'itemRef'))
      refs.push(decodeReference(itemRef, lang, role));
    for (const groupRef of children(group, 'groupRef')) walk(groups.get(attr(groupRef, 'idref')));
  };
  walk(groups.get(attr(node, 'root')));
  for (const group of all) walk(group);
  return refs;
}
