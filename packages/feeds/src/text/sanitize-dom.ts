// Agency HTML made safe on the DOM it was parsed into, so that one parse serves
// sanitizing, cleaning and text: an allow-list of elements and attributes, as
// sanitize-html applies it (test/text/sanitize-dom.test.ts holds the two equal on
// every corpus body and the hostile cases). A disallowed element goes and its
// children stay, except for elements whose content is no text (script, style...),
// which go whole; comments, CDATA and processing instructions go; a URL attribute
// whose scheme is not http(s) or mailto goes, judged by launder, the check
// sanitize-html itself runs.
import { type ChildNode, type Element, isTag, isText, type ParentNode } from 'domhandler';
import launder from 'launder';
import { hidesElement, readsAsItsChildren } from './dom-text.js';

/** The elements a body may keep (the list sanitize-html was given before). */
export const allowedTags: ReadonlySet<string> = new Set([
  'p',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'strong',
  'em',
  'b',
  'i',
  'u',
  'sub',
  'sup',
  'a',
  'figure',
  'figcaption',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'pre',
  'code',
  'hr',
  'span',
  'div',
  'section',
  'article',
  'dl',
  'dt',
  'dd',
]);

/** The attributes each element may keep. */
export const allowedAttributes: Readonly<Record<string, ReadonlySet<string>>> = {
  a: new Set(['href', 'title']),
  img: new Set(['src', 'alt', 'width', 'height']),
};

/**
 * Elements whose content is dropped with them when they are not allowed:
 * sanitize-html's list, and the other elements whose content the HTML parser
 * reads as raw text (an iframe's fallback), which is markup no reader sees.
 */
const nonTextTags = new Set([
  'script',
  'style',
  'textarea',
  'option',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
]);
const urlAttributes = new Set(['href', 'src']);
/** Of the attributes allowed, only alt may be empty (sanitize-html's allowedEmptyAttributes). */
const emptyAllowed = new Set(['alt']);
/** The URL schemes a link or picture may use; a protocol-relative URL is refused. */
export const schemes = {
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
};

/**
 * The attributes allowed, in their order, on a new object when any goes (deleting
 * them one by one turned each element's attributes into a slow dictionary).
 */
function keepAttributes(element: Element): void {
  const allowed = allowedAttributes[element.name];
  const attribs = element.attribs;
  const kept: string[] = [];
  let dropped = false;
  for (const name in attribs) {
    const value = attribs[name] as string;
    const keep =
      allowed?.has(name) === true &&
      (value !== '' || emptyAllowed.has(name)) &&
      !(urlAttributes.has(name) && launder.naughtyHref(value, schemes));
    if (keep) kept.push(name);
    else dropped = true;
  }
  if (!dropped) return;
  const keptAttribs: Record<string, string> = {};
  for (const name of kept) keptAttribs[name] = attribs[name] as string;
  element.attribs = keptAttribs;
}

/**
 * The children of `parent` made safe, in place. Returns whether the text domText
 * reads may have changed: an element taken out whose content it read, or one
 * unwrapped that it reads as more than its children (hidden, a break). An inline
 * element unwrapped (font, abbr, o:p), a script taken out, attributes, comments
 * and directives change none of it.
 */
export function sanitizeDom(parent: ParentNode): boolean {
  const children = parent.children;
  const kept: ChildNode[] = [];
  let changed = false;
  for (const child of children) {
    if (isText(child)) {
      kept.push(child);
    } else if (isTag(child)) {
      if (allowedTags.has(child.name)) {
        keepAttributes(child);
        if (sanitizeDom(child)) changed = true;
        kept.push(child);
      } else if (nonTextTags.has(child.name)) {
        if (!hidesElement(child.name)) changed = true;
      } else {
        if (!readsAsItsChildren(child.name)) changed = true;
        if (sanitizeDom(child)) changed = true;
        for (const grandchild of child.children) {
          grandchild.parent = parent;
          kept.push(grandchild);
        }
      }
    }
    // Comments, CDATA, directives and processing instructions are dropped.
  }
  for (let i = 0; i < kept.length; i++) {
    const node = kept[i] as ChildNode;
    node.prev = kept[i - 1] ?? null;
    node.next = kept[i + 1] ?? null;
  }
  parent.children = kept;
  return changed;
}
