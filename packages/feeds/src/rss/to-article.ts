// An RSS item to a canonical article.
import type { ParseContext, ParsedArticle } from '../parsed-article.js';
import { countWords, htmlToText, sanitizeBodyHtml } from '../text/html.js';
import type { RssChannel, RssItem } from './decode.js';

function toIsoDate(value: string | undefined, warnings: string[]): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    warnings.push(`unreadable date "${value.slice(0, 64)}"`);
    return undefined;
  }
  return new Date(time).toISOString();
}

export function rssItemToArticle(
  item: RssItem,
  channel: RssChannel,
  context: ParseContext,
): ParsedArticle {
  const warnings: string[] = [];
  const html = sanitizeBodyHtml(item.contentEncoded ?? item.description ?? '');
  const text = htmlToText(html);
  const language = channel.language ?? context.language;
  const versionCreated = toIsoDate(item.pubDate, warnings);
  if (!item.title) warnings.push('item has no title');
  if (!item.guid && !item.link) warnings.push('item has neither guid nor link');

  const parsed: ParsedArticle = {
    article: {
      type: 'text',
      ...(language && { language }),
      ...(versionCreated && { versionCreated }),
      ...(item.title && { headlines: [{ role: 'main', value: item.title }] }),
      bodies: [
        { role: 'main', contentType: 'text/html', value: html },
        {
          role: 'main',
          contentType: 'text/plain',
          value: text,
          charCount: text.length,
          wordCount: countWords(text),
        },
      ],
      ...(item.creator && { by: item.creator }),
      ...(item.categories.length > 0 && {
        subjects: item.categories.map((name) => ({ name, rel: 'category' })),
      }),
      ...(item.guid && { altIds: [{ role: 'guid', value: item.guid }] }),
    },
    source: { format: 'rss2' },
    signal: 'none',
    warnings,
  };
  if (item.guid) parsed.source.guid = item.guid;
  if (item.link) parsed.source.link = item.link;
  return parsed;
}
