// Agency HTML to safe HTML (no script, no event handlers, only http(s) links)
// and to plain text.
import { decode } from 'html-entities';
import sanitizeHtml from 'sanitize-html';
import { limitNesting } from './limit-nesting.js';

const safeHtmlOptions: sanitizeHtml.IOptions = {
  allowedTags: [
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
  ],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'width', 'height'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
};

export function sanitizeBodyHtml(html: string): string {
  return sanitizeHtml(limitNesting(html), safeHtmlOptions).trim();
}

const blockEnd =
  /<\/(p|h[1-6]|li|blockquote|figcaption|tr|pre|div|section|article|table|dt|dd)>|<br\s*\/?>/gi;
const cellEnd = /<\/(td|th)>/gi;

export function htmlToText(html: string): string {
  const withBreaks = limitNesting(html)
    .replace(blockEnd, (tag) => `${tag}\n\n`)
    .replace(cellEnd, (tag) => `${tag} `);
  const stripped = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} });
  return decode(stripped)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return words?.length ?? 0;
}

/** The two bodies every article carries: the sanitized HTML and its plain text, with counts. */
export function bodiesFromHtml(html: string, role = 'main') {
  const text = htmlToText(html);
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
