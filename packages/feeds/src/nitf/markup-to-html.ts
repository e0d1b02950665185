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

export type TagRule = (name: string, attributes: Record<string, string>) => Replacement;

export const unwrap: Replacement = { open: '', close: '' };
export const remove: Replacement = { open: '', close: '', dropContent: true };

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function htmlAttribute(name: string, value: string | undefined): string {
  return value === undefined ? '' : ` ${name}="${escapeHtml(value).replace(/"/g, '&quot;')}"`;
}

/** The same element in HTML, keeping only the attributes named. */
export function element(tag: string, attributes: Record<string, string>, keep: string[] = []) {
  const kept = keep.map((name) => htmlAttribute(name, attributes[name])).join('');
  return { open: `<${tag}${kept}>`, close: `</${tag}>` };
}

const emptyParagraph = /<p>(?:\s|&nbsp;|<br\s*\/?>|<span>\s*<\/span>)*<\/p>\s*/g;

/** Sanitized HTML without the empty paragraphs agencies use as spacers (<p/>). */
export function dropEmptyParagraphs(html: string): string {
  return html.replace(emptyParagraph, '').trim();
}

export function markupToHtml(xml: string, rule: TagRule): string {
  const open: { name: string; close: string; drops: boolean }[] = [];
  let dropping = 0;
  let html = '';
  for (const token of xmlTokens(xml)) {
    if (token.kind === 'text') {
      // Line breaks in source text are spaces in HTML, except inside <pre>.
      const inPre = open.some((element) => localName(element.name).toLowerCase() === 'pre');
      let text = inPre ? token.text : token.text.replace(/\s+/g, ' ');
      if (!inPre && text.startsWith(' ') && /\s$/.test(html)) text = text.slice(1);
      if (dropping === 0) html += text;
    } else if (token.kind === 'cdata') {
      if (dropping === 0) html += escapeHtml(token.text);
    } else if (token.kind === 'open') {
      const replacement = rule(
        localName(token.name).toLowerCase(),
        parseAttributes(token.attributes),
      );
      if (dropping === 0) html += replacement.open;
      if (token.selfClosing) {
        if (dropping === 0) html += replacement.close;
        continue;
      }
      const drops = replacement.dropContent === true;
      open.push({ name: token.name, close: replacement.close, drops });
      if (drops) dropping++;
    } else {
      // Well-formed input closes the innermost element; popping to the name is defensive.
      while (open.length > 0) {
        const closed = open.pop();
        if (closed?.drops) dropping--;
        if (dropping === 0) html += closed?.close ?? '';
        if (closed?.name === token.name) break;
      }
    }
  }
  return html;
}
