// An Atom entry to a canonical article.
import { mediaPictures } from '../media/media-rss.js';
import { looksLikePicture, picturesToAssociations } from '../media/pictures.js';
import type { ParseContext, ParsedArticle } from '../parsed-article.js';
import { canonicalLink } from '../text/canonical-link.js';
import { toIsoDate } from '../text/dates.js';
import { htmlToText } from '../text/html.js';
import type { AtomEntry, AtomFeed, AtomText } from './decode.js';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function asHtml(text: AtomText): string {
  return text.type === 'text' ? `<p>${escapeHtml(text.value)}</p>` : text.value;
}

function asPlain(text: AtomText): string {
  return text.type === 'text' ? text.value : htmlToText(text.value);
}

export function atomEntryToArticle(
  entry: AtomEntry,
  feed: AtomFeed,
  context: ParseContext,
): ParsedArticle {
  const warnings: string[] = [];
  // Out-of-line content (content src=...) leaves the summary as the body.
  const content = entry.content?.value ? entry.content : undefined;
  const body = content ?? entry.summary;
  const summary = content && entry.summary ? asPlain(entry.summary) : undefined;
  const headline = entry.title ? asPlain(entry.title) : undefined;
  const language = entry.language ?? feed.language ?? context.language;
  const versionCreated = toIsoDate(entry.updated ?? entry.published, warnings, {
    ...context,
    language,
  });
  const firstCreated = entry.published
    ? toIsoDate(entry.published, warnings, { ...context, language })
    : undefined;
  const alternate =
    entry.links.find((l) => l.rel === 'alternate') ??
    entry.links.find((l) => l.rel !== 'enclosure');
  const authors = entry.authors.length > 0 ? entry.authors : feed.authors;
  const rights = entry.rights ?? feed.rights;
  if (!headline) warnings.push('entry has no title');
  if (!entry.id) warnings.push('entry has no id');
  if (entry.content?.src && !entry.content.value)
    warnings.push(`content is out of line at ${entry.content.src}`);
  const pictures = picturesToAssociations([
    ...mediaPictures(entry.media),
    ...entry.links
      .filter(
        (l) => l.rel === 'enclosure' && looksLikePicture({ href: l.href, contentType: l.type }),
      )
      .map((l) => ({ href: l.href, contentType: l.type })),
  ]);
  const subjects = entry.categories.flatMap((c) => {
    const name = c.label ?? c.term;
    return name ? [{ name, rel: 'category' }] : [];
  });

  const parsed: ParsedArticle = {
    article: {
      type: 'text',
      ...(language && { language }),
      ...(versionCreated && { versionCreated }),
      ...(firstCreated && { firstCreated }),
      ...(headline && { headlines: [{ role: 'main', value: headline }] }),
      ...(summary && { descriptions: [{ role: 'summary', value: summary }] }),
      ...(authors.length > 0 && { by: authors.join(', ') }),
      ...(rights && { copyrightNotice: rights }),
      ...(subjects.length > 0 && { subjects }),
      ...(entry.id && { altIds: [{ role: 'guid', value: entry.id }] }),
      ...(pictures.length > 0 && { associations: pictures }),
    },
    source: { format: 'atom' },
    signal: 'none',
    warnings,
    // The body's own text is added when parseDocument reads its markup.
    contentText: summary ?? '',
    bodyMarkup: { markup: body ? asHtml(body) : '' },
  };
  if (entry.id) parsed.source.guid = entry.id;
  // FeedBurner's redirect hides the publisher's URL, which origLink keeps (as in RSS).
  const link = entry.origLink ?? alternate?.href;
  if (link) parsed.source.link = canonicalLink(link);
  return parsed;
}
