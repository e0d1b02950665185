// NewsML-G2 2.35 "Content Set" to ninjs: inlineXML or inlineData as the body's
// markup (parseDocument makes it safe and reads it); remoteContent as renditions.
import type { ArticleBody } from '../parsed-article.js';
import { htmlToText } from '../text/html.js';
import { compact } from './compact.js';
import type { G2ContentSet, G2InlineData, G2RemoteContent } from './g2-item.js';
import { codeOf } from './qcodes.js';
import { isUri } from './uri.js';

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
  if (type.startsWith('text/html')) return value;
  if (type.startsWith('text/plain')) return plainToHtml(value);
  warnings.push(`inlineData of type ${type} is not mapped to a body`);
  return undefined;
}

/** The content part a body is read from, and its markup. */
export interface BodySource {
  part: G2ContentSet['inlineXml'][number] | G2InlineData;
  markup: string;
}

/** The first inline part that reads as a body; undefined when the item carries none. */
export function bodySourceOf(content: G2ContentSet, warnings: string[]): BodySource | undefined {
  for (const inline of content.inlineXml) {
    if (inline.format === 'unknown') {
      warnings.push(`inlineXML of type ${inline.contentType ?? '(none)'} is not mapped to a body`);
      continue;
    }
    if (inline.lossy) {
      warnings.push('body rebuilt from the object tree: the order of mixed content may be lost');
    }
    return { part: inline, markup: inline.markup };
  }
  for (const data of content.inlineData) {
    const markup = inlineDataHtml(data, warnings);
    if (markup !== undefined) return { part: data, markup };
  }
  return undefined;
}

/**
 * The text every inline content part holds, read or not, but the one the body is
 * read from (whose text parseDocument adds as it reads it): what the article's
 * coverage is measured against. Binary inlineData holds no text.
 */
export function contentTextOf(content: G2ContentSet, body?: BodySource): string {
  const data = content.inlineData
    .filter((d) => d !== body?.part)
    .filter((d) => d.encoding === undefined && /^text\//i.test(d.contentType ?? 'text/plain'))
    .map((d) => (/html/i.test(d.contentType ?? '') ? htmlToText(d.value) : d.value));
  const inline = content.inlineXml
    .filter((inline) => inline !== body?.part)
    .map((inline) => htmlToText(inline.markup));
  return [...inline, ...data].join('\n');
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
