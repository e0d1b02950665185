// Agency HTML to safe HTML (no script, no event handlers, only http(s) links)
// and to plain text.
import { Parser } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';
import { limitNesting } from './limit-nesting.js';
import { allowedAttributes, allowedTags, schemes } from './sanitize-dom.js';

// The same allow-list as the DOM sanitizer's, for the formats whose adapters still
// make their HTML safe themselves (NITF, NewsML 1.2).
export const safeHtmlOptions: sanitizeHtml.IOptions = {
  allowedTags: [...allowedTags],
  allowedAttributes: Object.fromEntries(
    Object.entries(allowedAttributes).map(([tag, names]) => [tag, [...names]]),
  ),
  ...schemes,
};

export function sanitizeBodyHtml(html: string): string {
  return sanitizeHtml(limitNesting(html), safeHtmlOptions).trim();
}

// Elements after which the text breaks into a new paragraph, and those whose
// content is no text at all (what sanitize-html also drops).
export const blockElements = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'figcaption',
  'tr',
  'pre',
  'div',
  'section',
  'article',
  'table',
  'dt',
  'dd',
]);
export const nonTextElements = new Set(['script', 'style', 'textarea', 'option', 'noscript']);

/**
 * The text a reader sees, one paragraph per block, entities decoded. One pass of
 * htmlparser2's tokenizer: no tree and no sanitizer, since nothing but text comes out.
 */
export function htmlToText(html: string): string {
  let text = '';
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (nonTextElements.has(name)) hidden++;
        else if (name === 'br') text += '\n\n';
      },
      ontext(chunk) {
        if (hidden === 0) text += chunk;
      },
      onclosetag(name, implied) {
        if (nonTextElements.has(name)) hidden = Math.max(0, hidden - 1);
        else if (blockElements.has(name) && !implied) text += '\n\n';
        else if (name === 'td' || name === 'th') text += ' ';
      },
    },
    { decodeEntities: true },
  );
  parser.end(limitNesting(html));
  return tidyText(text);
}

/**
 * Whitespace within a line to one space, none at either end of a line: two
 * passes over the whole text rather than a split and a regex per line.
 */
export function tidyText(text: string): string {
  return text
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return words?.length ?? 0;
}

/** The two bodies every article carries: the sanitized HTML and its plain text, with counts. */
export function bodiesFromHtml(html: string, role = 'main') {
  return bodiesFromText(html, htmlToText(html), role);
}

/** The same, with the text already read from the HTML. */
export function bodiesFromText(html: string, text: string, role = 'main') {
  return [
    { role, contentType: 'text/html', value: html },
    {
      role,
      contentType: 'text/plain',
      value: text,
      charCount: text.length,
      wordCount: countWords(text),
    },
  ];
}
