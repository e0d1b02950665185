// The blocks of a body being cleaned, and the text of each, read once while the
// tree stays as it is. The cleaning asks for a paragraph's text at each of its
// steps (boilerplate, repeated captions, the ATTN line, the body's paragraphs):
// read afresh every time, the same text was collapsed four times over. Every edit
// of the tree goes through it: taking an element out may change what its
// ancestors read, so it forgets what was read, and it knows whether the body's
// text is still the text it was given.
import type { ChildNode, Document, Element, Text } from 'domhandler';
import { findAll, getText, removeElement } from 'domutils';
import { collapseWhitespace } from '../text/whitespace.js';

const blockNames = new Set(['p', 'div', 'li', 'h2', 'h3', 'h4']);

export class BodyBlocks {
  readonly #document: Document;
  #blocks: Element[] | undefined;
  readonly #texts = new Map<Element, string>();
  #edited = false;

  constructor(document: Document) {
    this.#document = document;
  }

  /** The body's p, div, li, h2, h3 and h4 elements, in document order. */
  blocks(): Element[] {
    this.#blocks ??= findAll((el) => blockNames.has(el.name), this.#document.children);
    return this.#blocks;
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

  /** Whether an element was taken out or a text rewritten. */
  get edited(): boolean {
    return this.#edited;
  }

  /** Takes the element out of the body; what was read is read again when asked. */
  remove(element: ChildNode): void {
    removeElement(element);
    this.#blocks = undefined;
    this.#texts.clear();
    this.#edited = true;
  }

  /** Rewrites a text of the body (a dateline or credit taken off), once nothing more is read. */
  rewrite(text: Text, data: string): void {
    text.data = data;
    this.#texts.clear();
    this.#edited = true;
  }
}
