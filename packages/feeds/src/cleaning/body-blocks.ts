// The blocks of a body being cleaned, and the text of each, read once while the
// tree stays as it is. The cleaning asks for a paragraph's text at each of its
// steps (boilerplate, repeated captions, the ATTN line, the body's paragraphs):
// read afresh every time, the same text was collapsed four times over. Every edit
// of the tree goes through it: taking an element out may change what its
// ancestors read, so it forgets what was read, and it knows whether the body's
// text is still the text it was given. The elements the cleaning looks for
// (blocks, links, pictures, captions) are found in one walk of the tree; after an
// element is taken out, those still in the body are the ones found before whose
// ancestors reach it, in the same order, so no step walks the whole tree again.
import {
  type ChildNode,
  type Document,
  type Element,
  hasChildren,
  isTag,
  type Text,
} from 'domhandler';
import { getText, removeElement } from 'domutils';
import { readsAsNothing } from '../text/dom-text.js';
import { collapseWhitespace } from '../text/whitespace.js';

const blockNames = new Set(['p', 'div', 'li', 'h2', 'h3', 'h4']);
/** The elements any step of the cleaning looks for: blocks, links, pictures, captions. */
const soughtNames = new Set([...blockNames, 'a', 'img', 'figcaption']);

/** The sought elements under `nodes`, in document order (as domutils' findAll visits them). */
function soughtElements(nodes: ChildNode[], found: Element[]): Element[] {
  for (const node of nodes) {
    if (isTag(node) && soughtNames.has(node.name)) found.push(node);
    if (hasChildren(node) && node.children.length > 0) soughtElements(node.children, found);
  }
  return found;
}

export class BodyBlocks {
  readonly #document: Document;
  /** The sought elements as first found; some may have been taken out since. */
  #sought: Element[];
  /** Whether an element was taken out since the sought ones were last sifted. */
  #taken = false;
  #blocks: Element[] | undefined;
  readonly #texts = new Map<Element, string>();
  #edited = false;

  constructor(document: Document) {
    this.#document = document;
    this.#sought = soughtElements(document.children, []);
  }

  /** The body's p, div, li, h2, h3 and h4 elements, in document order. */
  blocks(): Element[] {
    this.#blocks ??= this.elements((el) => blockNames.has(el.name));
    return this.#blocks;
  }

  /**
   * The elements of the body that pass `test`, in document order, among the
   * blocks, links (a), pictures (img) and captions (figcaption): no other name is
   * asked for.
   */
  elements(test: (element: Element) => boolean): Element[] {
    if (this.#taken) {
      // Sifted when next asked, not at each removal: a loop may take out many.
      const document = this.#document;
      this.#sought = this.#sought.filter((found) => isIn(found, document));
      this.#taken = false;
    }
    return this.#sought.filter(test);
  }

  paragraphs(): Element[] {
    return this.blocks().filter((el) => el.name === 'p');
  }

  /** The element's text, whitespace collapsed. */
  textOf(element: Element): string {
    let text = this.#texts.get(element);
    if (text === undefined) {
      text = collapseWhitespace(getText(element));
      this.#texts.set(element, text);
    }
    return text;
  }

  /**
   * Whether the text domText reads may have changed: an element it reads taken
   * out, or a text rewritten. Taking out a tracking pixel or an empty link, the
   * usual page chrome, leaves it as it was.
   */
  get edited(): boolean {
    return this.#edited;
  }

  /** Takes the element out of the body; what was read is read again when asked. */
  remove(element: ChildNode): void {
    if (!this.#edited && !readsAsNothing(element)) this.#edited = true;
    removeElement(element);
    this.#taken = true;
    this.#blocks = undefined;
    this.#texts.clear();
  }

  /** Rewrites a text of the body (a dateline or credit taken off), once nothing more is read. */
  rewrite(text: Text, data: string): void {
    text.data = data;
    this.#texts.clear();
    this.#edited = true;
  }
}

/** Whether the node's ancestors still reach the document (taken out, they stop short). */
function isIn(node: ChildNode, document: Document): boolean {
  let parent = node.parent;
  while (parent !== null && parent !== document) parent = parent.parent;
  return parent === document;
}
