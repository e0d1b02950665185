// Rewrites an XML fragment tag by tag into HTML: a rule decides what each element
// becomes, text passes through (already escaped) with whitespace collapsed outside <pre>,
// CDATA is escaped, comments and processing instructions go. The article's one HTML pass (cleaning/read-body.ts) makes it safe after.
import { localName, parseAttributes, xmlTokens } from '../xml/raw-xml.js';

export interface Replacement {
  open: string;
  close: string;
  /** Leave out everything inside the element (binary media, metadata, a <head>). */
  dropContent?: boolean;
}

/** An element's attributes, read from its start tag only when a rule asks for them. */
export type Attributes = () => Record<string, string>;

export type TagRule = (name: string, attributes: Attributes) => Replacement;

export const unwrap: Replacement = { open: '', close: '' };
export const remove: Replacement = { open: '', close: '', dropContent: true };

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function htmlAttribute(name: string, value: string | undefined): string {
  return value === undefined ? '' : ` ${name}="${escapeHtml(value).replace(/"/g, '&quot;')}"`;
}

/** The same element in HTML, keeping only the attributes named. */
export function element(tag: string, attributes: Attributes, keep: string[] = []) {
  if (keep.length === 0) return { open: `<${tag}>`, close: `</${tag}>` };
  const values = attributes();
  const kept = keep.map((name) => htmlAttribute(name, values[name])).join('');
  return { open: `<${tag}${kept}>`, close: `</${tag}>` };
}

const emptyParagraph = /<p>(?:\s|&nbsp;|<br\s*\/?>|<span>\s*<\/span>)*<\/p>\s*/g;

/** Sanitized HTML without the empty paragraphs agencies use as spacers (<p/>). */
export function dropEmptyParagraphs(html: string): string {
  return html.replace(emptyParagraph, '').trim();
}

export function markupToHtml(xml: string, rule: TagRule): string {
  const open: { close: string; drops: boolean; pre: boolean; name: string }[] = [];
  let dropping = 0;
  // Kept as the HTML grows, so that neither is asked of the whole HTML at each text.
  let preDepth = 0;
  let endsInSpace = false;
  let html = '';
  const add = (piece: string) => {
    if (piece === '') return;
    html += piece;
    endsInSpace = /\s$/.test(piece);
  };
  for (const token of xmlTokens(xml)) {
    if (token.kind === 'text') {
      // Line breaks in source text are spaces in HTML, except inside <pre>.
      const inPre = preDepth > 0;
      let text = inPre ? token.text : token.text.replace(/\s+/g, ' ');
      if (!inPre && text.startsWith(' ') && endsInSpace) text = text.slice(1);
      if (dropping === 0) add(text);
    } else if (token.kind === 'cdata') {
      if (dropping === 0) add(escapeHtml(token.text));
    } else if (token.kind === 'open') {
      const name = localName(token.name).toLowerCase();
      const replacement = rule(name, () => parseAttributes(token.attributes));
      if (dropping === 0) add(replacement.open);
      if (token.selfClosing) {
        if (dropping === 0) add(replacement.close);
        continue;
      }
      const drops = replacement.dropContent === true;
      const pre = name === 'pre';
      open.push({ name: token.name, close: replacement.close, drops, pre });
      if (drops) dropping++;
      if (pre) preDepth++;
    } else {
      // Well-formed input closes the innermost element; popping to the name is defensive.
      while (open.length > 0) {
        const closed = open.pop();
        if (closed?.drops) dropping--;
        if (closed?.pre) preDepth--;
        if (dropping === 0) add(closed?.close ?? '');
        if (closed?.name === token.name) break;
      }
    }
  }
  return html;
}
