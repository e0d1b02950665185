// NITF 3.x inline and block markup (https://iptc.org/std/NITF/, "enriched text" of
// body.content) to HTML: p, hl1/hl2, block, bq, lists, tables, media, a, em, strong, q, br.
import { htmlToText } from '../text/html.js';
import {
  type Attributes,
  dropEmptyParagraphs,
  element,
  htmlAttribute,
  markupToHtml,
  type Replacement,
  remove,
  type TagRule,
  unwrap,
} from './markup-to-html.js';

const sameName = new Set(
  'p em strong sub sup pre ol ul li table caption thead tbody tfoot tr th td'.split(' '),
);
const dropped = new Set(['media-object', 'media-metadata', 'nitf-table-metadata']);
const isAbsoluteUrl = (value: string | undefined) =>
  value !== undefined && /^https?:\/\//i.test(value);

function mediaReference(attributes: Attributes): Replacement {
  const values = attributes();
  const source = values.source;
  if (!isAbsoluteUrl(source)) return remove;
  const alt = values['alternate-text'];
  return {
    open: `<img${htmlAttribute('src', source)}${htmlAttribute('alt', alt)}>`,
    close: '',
    dropContent: true,
  };
}

const nitfRule: TagRule = (name, attributes) => {
  if (sameName.has(name)) return element(name, attributes);
  if (dropped.has(name)) return remove;
  switch (name) {
    case 'hl1':
    case 'hl2':
      return element('h2', attributes);
    case 'br':
      return { open: '<br>', close: '' };
    case 'a':
      return element('a', attributes, ['href', 'title']);
    case 'q':
      return { open: '"', close: '"' };
    case 'bq':
      return element('blockquote', attributes);
    case 'credit':
    case 'dt':
    case 'dd':
      return element('p', attributes);
    case 'media':
      return element('figure', attributes);
    case 'media-caption':
      return element('figcaption', attributes);
    case 'media-producer':
      return element('span', attributes);
    case 'media-reference':
      return mediaReference(attributes);
    default:
      // block, body.content, nitf-table, dl, fn, note and the inline semantic
      // elements (person, org, location, money, chron, classifier...) keep only their text.
      return unwrap;
  }
};

/**
 * The content of a NITF body.content as HTML. It is made safe with the rest of the
 * body's work, in the article's one HTML pass (cleaning/read-body.ts).
 */
export function nitfBodyHtml(innerXml: string): string {
  return dropEmptyParagraphs(markupToHtml(innerXml, nitfRule));
}

/** The text of a short NITF element (hl1, byline, abstract) on one line. */
export function nitfInlineText(innerXml: string): string | undefined {
  const text = htmlToText(markupToHtml(innerXml, nitfRule)).replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}
