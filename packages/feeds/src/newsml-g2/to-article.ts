// NewsML-G2 2.35 news and package items to canonical articles (after IPTC's G2 →
// ninjs mapping); items carrying no news content are skipped with a warning.
import type { ArticleBody, ParseContext, ParsedArticle, SourceInfo } from '../parsed-article.js';
import { toIsoDate } from '../text/dates.js';
import { compact } from './compact.js';
import type { G2Item, G2NewsItem, G2Text } from './g2-item.js';
import { toAssociations } from './map-associations.js';
import { toGenres, toSubjects } from './map-concepts.js';
import { bodySourceOf, contentTextOf, toRenditions } from './map-content.js';
import { itemType, pubStatusOf, signalOf, urgencyOf } from './map-status.js';
import { codeOf, createQCodeResolver } from './qcodes.js';

function nonEmpty<T>(values: T[]): T[] | undefined {
  return values.length > 0 ? values : undefined;
}

function textBlocks(texts: G2Text[], defaultRole?: string) {
  return texts.map(({ value, role }) => {
    const mapped = role === undefined ? defaultRole : codeOf(role);
    return mapped === undefined ? { value } : { role: mapped, value };
  });
}

function embargoOf(
  value: string | undefined,
  warnings: string[],
  context: ParseContext,
): string | undefined {
  if (value === '') {
    warnings.push('embargoed until further notice: ninjs cannot say so; no embargoedUntil');
    return undefined;
  }
  return toIsoDate(value, warnings, context, 'embargoed');
}

function byline(item: G2NewsItem): string | undefined {
  const { by, creators } = item.contentMeta;
  if (by !== undefined) return by;
  const names = creators.flatMap((creator) => creator.name ?? []);
  return names.length > 0 ? names.join(', ') : undefined;
}

function newsItemToArticle(item: G2NewsItem, context: ParseContext): ParsedArticle {
  const warnings: string[] = [];
  const qcodes = createQCodeResolver(item.catalog);
  const meta = item.itemMeta;
  const content = item.contentMeta;
  const type = itemType(item, qcodes, warnings);
  const pubStatus = pubStatusOf(item, qcodes, warnings);
  const concepts = { qcodes, assertedNames: item.assertedNames, warnings };
  const body = bodySourceOf(item.contentSet, warnings);
  const edNote = meta.edNotes.map((note) => note.value).join('\n');

  const article = compact<ArticleBody>({
    type,
    versionCreated: toIsoDate(meta.versionCreated, warnings, context, 'versionCreated'),
    firstCreated: toIsoDate(meta.firstCreated, warnings, context, 'firstCreated'),
    embargoedUntil: embargoOf(meta.embargoed, warnings, context),
    pubStatus,
    urgency: urgencyOf(content.urgency, warnings),
    language: content.languages[0] ?? item.lang ?? context.language,
    headlines: nonEmpty(textBlocks(content.headlines, 'main')),
    descriptions: nonEmpty(textBlocks(content.descriptions)),
    slugline: content.slugline,
    by: byline(item),
    located: content.located?.name,
    subjects: nonEmpty(toSubjects(content.subjects, content.keywords, concepts)),
    genres: nonEmpty(toGenres(content.genres, concepts)),
    edNote: edNote === '' ? undefined : edNote,
    copyrightHolder: item.rightsInfo.copyrightHolder,
    copyrightNotice: item.rightsInfo.copyrightNotice,
    renditions: nonEmpty(toRenditions(item.contentSet.remoteContent, warnings)),
    associations: nonEmpty(toAssociations(item, qcodes, warnings)),
    altIds: item.guid === undefined ? undefined : [{ role: 'guid', value: item.guid }],
  });

  const signal = signalOf(item, pubStatus, qcodes);
  if (item.guid === undefined) warnings.push(`${item.kind} has no guid`);
  if (article.headlines === undefined) warnings.push(`${item.kind} has no headline`);
  if (type === 'text' && !body?.markup.trim()) warnings.push('text item has no body');
  warnings.push(...qcodes.warnings);
  if (item.publicationConstraints.length > 0)
    warnings.push(
      `elements not for publication left out (${item.publicationConstraints.join(', ')})`,
    );

  return {
    article,
    source: compact<SourceInfo>({
      format: 'newsml-g2',
      guid: item.guid,
      version: item.version,
      publicationConstraints: nonEmpty(item.publicationConstraints),
    }),
    signal,
    warnings,
    contentText: contentTextOf(item.contentSet, body),
    ...(body?.markup.trim() && { bodyMarkup: { markup: body.markup } }),
  };
}

function isNews(item: G2Item): item is G2NewsItem {
  return item.kind === 'newsItem' || item.kind === 'packageItem';
}

export function newsMlG2ToArticles(
  items: G2Item[],
  context: ParseContext,
): { articles: ParsedArticle[]; warnings: string[] } {
  const warnings: string[] = [];
  const articles: ParsedArticle[] = [];
  for (const item of items) {
    if (isNews(item)) articles.push(newsItemToArticle(item, context));
    else warnings.push(`${item.kind} ${item.guid ?? '(no guid)'} carries no news content; skipped`);
  }
  if (items.length === 0) warnings.push('the document holds no NewsML-G2 item');
  return { articles, warnings };
}
