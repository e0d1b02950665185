// NewsML 1.2 ContentItem to body HTML by its Format, MimeType and MediaType: NITF
// (body.content), XHTML or HTML (the body element, or escaped HTML text), plain text.
import { nitfBodyHtml } from '../nitf/body-html.js';
import {
  dropEmptyParagraphs,
  element,
  escapeHtml,
  markupToHtml,
  remove,
  type TagRule,
  unwrap,
} from '../nitf/markup-to-html.js';
import { findRawElement, findRawElements, hasElements, rawText } from '../xml/raw-xml.js';
import type { NewsMl1ContentItem } from './decode-component.js';

export type ContentKind = 'nitf' | 'html' | 'text' | 'media' | 'other';

const htmlTypes = ['text/html', 'application/xhtml+xml', 'text/xhtml'];
const mediaTypes = /^(photo|picture|image|graphic|video|audio|sound)$/i;

export function contentKind(item: NewsMl1ContentItem): ContentKind {
  const format = item.format ?? '';
  const mime = item.mimeType?.toLowerCase() ?? '';
  if (/css/i.test(format) || mime === 'text/css') return 'other';
  if (/nitf/i.test(format) || /nitf/.test(mime)) return 'nitf';
  if (/^x?html/i.test(format) || htmlTypes.includes(mime)) return 'html';
  if (/^(image|video|audio)\//.test(mime) || mediaTypes.test(item.mediaType ?? '')) return 'media';
  if (
    mime === 'text/plain' ||
    /^text$/i.test(item.mediaType ?? '') ||
    /text|iim|anpa/i.test(format)
  ) {
    return 'text';
  }
  // No format, no type (Belga's Body components say Format FormalName=""): inline
  // data is read for what it holds rather than dropped, HTML when it has tags.
  if (format.trim() === '' && mime === '' && item.href === undefined && item.data?.trim()) {
    return /<\/?[a-z][\w-]*[\s>/]|&lt;\/?[a-z][\w-]*(?:\s|&gt;)/i.test(item.data) ? 'html' : 'text';
  }
  return 'other';
}

const voidElements = new Set(['br', 'hr', 'img']);
const droppedElements = new Set([
  'head',
  'title',
  'style',
  'script',
  'noscript',
  'object',
  'iframe',
]);
const keptAttributes = ['href', 'src', 'alt', 'title', 'width', 'height'];

const xhtmlRule: TagRule = (name, attributes) => {
  if (droppedElements.has(name)) return remove;
  if (name === 'html' || name === 'body') return unwrap;
  const { open, close } = element(name, attributes, keptAttributes);
  return voidElements.has(name) ? { open, close: '' } : { open, close };
};

function xhtmlToHtml(data: string): string {
  // Made safe in the article's one HTML pass (cleaning/read-body.ts), as NITF's is.
  if (!hasElements(data)) return rawText(data);
  const body = findRawElement(data, 'body')?.inner ?? data;
  return dropEmptyParagraphs(markupToHtml(body, xhtmlRule));
}

function textToHtml(data: string): string {
  const text = rawText(data).trim();
  const blocks = /\n\s*\n/.test(text) ? text.split(/\n\s*\n/) : text.split('\n');
  return blocks
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter((block) => block !== '')
    .map((block) => `<p>${escapeHtml(block)}</p>`)
    .join('\n');
}

/**
 * The NITF body markup of a ContentItem's data: its body.content elements, else its
 * body element, else the data itself when it is bare NITF body markup, as AFP's
 * bcNITF2.5 sends it (<p> and <media> right inside DataContent). Undefined for
 * data with no elements at all (plain text).
 */
export function nitfBodyXml(data: string): string | undefined {
  const contents = findRawElements(data, 'body.content');
  if (contents.length > 0) return contents.map((c) => c.inner).join('\n');
  const body = findRawElement(data, 'body');
  if (body !== undefined) return body.inner;
  return hasElements(data) ? data : undefined;
}

/** The item's inline content as safe HTML; undefined when it carries none to show. */
export function contentItemHtml(item: NewsMl1ContentItem): string | undefined {
  if (item.data === undefined) return undefined;
  switch (contentKind(item)) {
    case 'nitf': {
      const body = nitfBodyXml(item.data);
      return body === undefined ? textToHtml(item.data) : nitfBodyHtml(body);
    }
    case 'html':
      return xhtmlToHtml(item.data);
    case 'text':
      return textToHtml(item.data);
    default:
      return undefined;
  }
}
