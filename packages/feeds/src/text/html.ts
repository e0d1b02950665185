// Agency HTML to plain text, with its paragraphs, and its words counted.
import { Parser } from 'htmlparser2';
import { limitNesting } from './limit-nesting.js';
import { tidyText } from './whitespace.js';
import { countWords } from './word-counts.js';

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

const markupSign = /[<&]/;

/**
 * The text a reader sees, one paragraph per block, entities decoded. One pass of
 * htmlparser2's tokenizer: no tree and no sanitizer, since nothing but text comes out.
 */
export function htmlToText(html: string): string {
  // No tag and no reference (a plain title, most often): the text is the string itself.
  if (!markupSign.test(html)) return tidyText(html);
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
 * The two bodies every article carries: the safe HTML and its plain text, with
 * counts (the words given when the text was counted already).
 */
export function bodiesFromText(
  html: string,
  text: string,
  role = 'main',
  words = countWords(text),
) {
  return [
    { role, contentType: 'text/html', value: html },
    {
      role,
      contentType: 'text/plain',
      value: text,
      charCount: text.length,
      wordCount: words,
    },
  ];
}
