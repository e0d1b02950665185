// NewsML-G2 2.35 "Content Set" to ninjs: inlineXML or inlineData as a sanitized
// HTML body plus its plain text; remoteContent as renditions.
import type { ArticleBody } from '../parsed-article.js';
import { bodiesFromHtml, htmlToText, sanitizeBodyHtml } from '../text/html.js';
import { compact } from './compact.js';
import type { G2ContentSet, G2InlineData, G2RemoteContent } from './g2-item.js';
import { codeOf } from './qcodes.js';
import { isUri } from './uri.js';

type Body = NonNullable<ArticleBody['bodies']>[number];
type Rendition = NonNullable<ArticleBody['renditions']>[number];

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function plainToHtml(value: string): string {
  return value
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function inlineDataHtml(data: G2InlineData, warnings: string[]): string | undefined {
  if (data.encoding !== undefined && data.encoding !== 'base64') {
    warnings.push(`inlineData encoding "${data.encoding}" is not read`);
    return undefined;
  }
  const value =
    data.encoding === 'base64' ? Buffer.from(data.value, 'base64').toString('utf8') : data.value;
  const type = data.contentType?.toLowerCase() ?? 'text/plain';
  if (type.startsWith('text/html')) return sanitizeBodyHtml(value);
  if (type.startsWith('text/plain')) return sanitizeBodyHtml(plainToHtml(value));
  warnings.push(`inlineData of type ${type} is not mapped to a body`);
  return undefined;
}

function bodyHtml(content: G2ContentSet, warnings: string[]): string | undefined {
  for (const inline of content.inlineXml) {
    if (inline.format === 'unknown') {
      warnings.push(`inlineXML of type ${inline.contentType ?? '(none)'} is not mapped to a body`);
      continue;
    }
    if (inline.lossy) {
      warnings.push('body rebuilt from the object tree: the order of mixed content may be lost');
    }
    return sanitizeBodyHtml(inline.markup);
  }
  for (const data of content.inlineData) {
    const html = inlineDataHtml(data, warnings);
    if (html !== undefined) return html;
  }
  return undefined;
}

/** The HTML body and its plain text; undefined when the item carries no readable text. */
export function toBodies(content: G2ContentSet, warnings: string[]): Body[] | undefined {
  const html = bodyHtml(content, warnings);
  if (html === undefined || html === '') return undefined;
  return bodiesFromHtml(html);
}

/**
 * The text every inline content part holds, read or not: what the article's
 * coverage is measured against. Binary inlineData holds no text.
 */
export function contentTextOf(content: G2ContentSet): string {
  const data = content.inlineData
    .filter((d) => d.encoding === undefined && /^text\//i.test(d.contentType ?? 'text/plain'))
    .map((d) => (/html/i.test(d.contentType ?? '') ? htmlToText(d.value) : d.value));
  return [...content.inlineXml.map((inline) => htmlToText(inline.markup)), ...data].join('\n');
}

function lastSegment(uri: string): string | undefined {
  return (
    uri
      .replace(/[/#]+$/, '')
      .split(/[/#]/)
      .pop() || undefined
  );
}

function pixels(value: string | undefined, what: string, warnings: string[]) {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  warnings.push(`${what} "${value.slice(0, 16)}" is not a whole number of pixels; dropped`);
  return undefined;
}

/** The absolute URI of a locator, or undefined with a warning. */
export function absoluteHref(href: string | undefined, what: string, warnings: string[]) {
  if (href === undefined || isUri(href)) return href;
  warnings.push(`${what} href "${href.slice(0, 80)}" is not an absolute URI; dropped`);
  return undefined;
}

export function toRenditions(remote: G2RemoteContent[], warnings: string[]): Rendition[] {
  return remote.map((content, index) => {
    const { qcode, uri } = content.rendition ?? {};
    const name = (qcode && codeOf(qcode)) || (uri && lastSegment(uri)) || `rendition-${index + 1}`;
    return compact<Rendition>({
      name,
      href: absoluteHref(content.href, `rendition ${name}`, warnings),
      contentType: content.contentType,
      width: pixels(content.width, `rendition ${name} width`, warnings),
      height: pixels(content.height, `rendition ${name} height`, warnings),
    });
  });
}
