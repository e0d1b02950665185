// The text a reader sees in parsed HTML, one paragraph per block, as htmlToText
// reads it from markup: the DOM's walk, for a body that is already parsed.
import { type ChildNode, isTag, isText } from 'domhandler';
import { blockElements, nonTextElements } from './html.js';
import { tidyText } from './whitespace.js';

function collect(nodes: ChildNode[], out: string[]): void {
  for (const node of nodes) {
    if (isText(node)) {
      out.push(node.data);
    } else if (isTag(node)) {
      if (nonTextElements.has(node.name)) continue;
      if (node.name === 'br') {
        out.push('\n\n');
        continue;
      }
      collect(node.children, out);
      if (blockElements.has(node.name)) out.push('\n\n');
      else if (node.name === 'td' || node.name === 'th') out.push(' ');
    }
  }
}

/** Whether domText reads nothing of an element named so. */
export const hidesElement = (name: string): boolean => nonTextElements.has(name);

/**
 * Whether domText reads an element named so as its children's text and nothing
 * more (no line break, no space, not hidden): unwrapping it leaves the text as it is.
 */
export const readsAsItsChildren = (name: string): boolean =>
  !nonTextElements.has(name) &&
  !blockElements.has(name) &&
  name !== 'br' &&
  name !== 'td' &&
  name !== 'th';

/**
 * Whether domText reads nothing at all of the node: a picture, a script, an inline
 * element holding no text. Taking such a node out leaves the text as it was.
 */
export function readsAsNothing(node: ChildNode): boolean {
  if (isText(node)) return node.data === '';
  if (!isTag(node) || nonTextElements.has(node.name)) return true;
  return readsAsItsChildren(node.name) && node.children.every(readsAsNothing);
}

export function domText(nodes: ChildNode[]): string {
  const out: string[] = [];
  collect(nodes, out);
  return tidyText(out.join(''));
}
