// An RSS (or RDF) item to a canonical article.

import type { DocumentFormat } from '../detect-format.js';
import { pointToPlaces } from '../geo/geo-point.js';
import { mediaPictures } from '../media/media-rss.js';
import { picturesToAssociations } from '../media/pictures.js';
import type { ParseContext, ParsedArticle } from '../parsed-article.js';
import { canonicalLink } from '../text/canonical-link.js';
import { toIsoDate } from '../text/dates.js';
import { htmlToText } from '../text/html.js';
import type { RssChannel, RssItem } from './decode.js';

export function rssItemToArticle(
  item: RssItem,
  channel: RssChannel,
  context: ParseContext,
  format: DocumentFormat = 'rss2',
): ParsedArticle {
  const warnings: string[] = [];
  // With content:encoded the description is a teaser; alone it is the body.
  const teaser = item.contentEncoded && item.description ? htmlToText(item.description) : undefined;
  const language = item.language ?? channel.language ?? context.language;
  const versionCreated = toIsoDate(item.pubDate, warnings, { ...context, language });
  if (!item.title) warnings.push('item has no title');
  if (!item.guid && !item.link) warnings.push('item has neither guid nor link');
  const pictures = picturesToAssociations(mediaPictures(item.media));
  const copyright = item.rights ?? channel.copyright;

  const parsed: ParsedArticle = {
    article: {
      type: 'text',
      ...(language && { language }),
      ...(versionCreated && { versionCreated }),
      ...(item.title && { headlines: [{ role: 'main', value: htmlToText(item.title) }] }),
      ...(teaser && { descriptions: [{ role: 'summary', value: teaser }] }),
      ...(item.creator && { by: item.creator }),
      ...(copyright && { copyrightNotice: copyright }),
      ...(item.categories.length + item.keywords.length > 0 && {
        subjects: [
          ...item.categories.map((name) => ({ name, rel: 'category' })),
          ...item.keywords.map((name) => ({ name, rel: 'keyword' })),
        ],
      }),
      ...(item.guid && { altIds: [{ role: 'guid', value: item.guid }] }),
      ...(pictures.length > 0 && { associations: pictures }),
      ...(item.point && { places: pointToPlaces(item.point) }),
    },
    source: { format },
    signal: 'none',
    warnings,
    // The body's own text is added when parseDocument reads its markup.
    contentText: teaser ?? '',
    bodyMarkup: { markup: item.contentEncoded ?? item.description ?? '' },
  };
  if (item.guid) parsed.source.guid = item.guid;
  // A permalink guid is a link only when it is a web address: "same" or "12345" with
  // isPermaLink left out is an id, and two items sharing it would share a link too.
  const guidLink =
    item.guid && item.guidIsPermaLink && /^https?:\/\//i.test(item.guid) ? item.guid : undefined;
  const link = item.link ?? guidLink;
  if (link) parsed.source.link = canonicalLink(link);
  return parsed;
}
