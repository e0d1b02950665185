// Decoded NewsML 1.2 NewsItems to canonical ninjs articles, one per NewsItem.
import type { Ninjs, SourceSignal } from '@wire/schema';
import { iptcCodeUri, urgencyOrWarn } from '../nitf/iptc-vocabulary.js';
import { nitfPictures } from '../nitf/to-article.js';
import type { ParseContext, ParsedArticle } from '../parsed-article.js';
import { datelinePlace } from '../text/dateline.js';
import { toIsoDate } from '../text/dates.js';
import { contentKind, nitfBodyXml } from './content-html.js';
import type { NewsMl1Document, NewsMl1Item } from './decode.js';
import type { NewsMl1Component, NewsMl1Lines } from './decode-component.js';
import { associationOf } from './media.js';
import { bodyHtml, type StoryParts, storyParts, textsOfRole } from './story-parts.js';

type Subject = NonNullable<Ninjs['subjects']>[number];

const pubStatuses: Record<string, Ninjs['pubStatus']> = {
  usable: 'usable',
  embargoed: 'withheld',
  withheld: 'withheld',
  canceled: 'canceled',
  cancelled: 'canceled',
};

function guidOf(item: NewsMl1Item): string | undefined {
  // urn:newsml:Provider:DateId:NewsItemId:RevisionId[A|U]; the guid names every revision.
  if (item.publicIdentifier)
    return item.publicIdentifier.replace(/^(urn:newsml:.+):\d+[AUN]?$/i, '$1');
  if (!item.providerId || !item.dateId || !item.newsItemId) return undefined;
  return `urn:newsml:${item.providerId}:${item.dateId}:${item.newsItemId}`;
}

function signalOf(item: NewsMl1Item): SourceSignal {
  const instructions = item.instructions.map((instruction) => instruction.toLowerCase());
  const status = item.status?.toLowerCase();
  if (status === 'canceled' || status === 'cancelled') return 'kill';
  if (instructions.some((i) => /kill|withdraw|cancel/.test(i))) return 'kill';
  if (instructions.some((i) => /correct|rectif/.test(i))) return 'correction';
  if (instructions.some((i) => /update|replace/.test(i))) return 'update';
  if (item.revisionUpdate === 'A' || item.revisionUpdate === 'U') return 'update';
  return Number(item.previousRevision) > 0 ? 'update' : 'none';
}

function unique<T>(values: T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => !seen.has(key(value)) && seen.add(key(value)) !== undefined);
}

function subjectsOf(story: NewsMl1Component[]): Subject[] {
  const codes = story.flatMap((component) => component.subjectCodes);
  const keywords = story.flatMap((c) => [...c.keywords, ...c.lines.keywordLines]);
  return unique<Subject>(
    [
      ...codes.map((code) => {
        const uri = iptcCodeUri(code);
        return uri ? { uri } : { literal: code };
      }),
      ...keywords.map((name) => ({ name, rel: 'keyword' })),
    ],
    (subject) => `${subject.rel ?? ''} ${subject.uri ?? subject.literal ?? subject.name ?? ''}`,
  );
}

function bodyHtmlOf(parts: StoryParts, warnings: string[]): string | undefined {
  const html = bodyHtml(parts.story).join('\n');
  if (html === '') {
    if (parts.media.length === 0) warnings.push('NewsItem has no text or media content');
    return undefined;
  }
  return html;
}

function associationsOf(
  media: NewsMl1Component[],
  context: ParseContext,
  warnings: string[],
): NonNullable<Ninjs['associations']> {
  const counts = new Map<string, number>();
  return media.flatMap((component) => {
    const role = (component.role ?? 'media').toLowerCase();
    const count = (counts.get(role) ?? 0) + 1;
    counts.set(role, count);
    const association = associationOf(
      component,
      count === 1 ? role : `${role}-${count}`,
      context.url,
    );
    if (!association) warnings.push(`${role} component links to no web address; left out`);
    return association ?? [];
  });
}

/** Pictures that NITF body markup in the story's ContentItems carries (bcNITF2.5 <media>). */
function inlinePictures(story: NewsMl1Component[], warnings: string[]) {
  return story
    .flatMap((component) => component.contentItems)
    .filter((item) => item.data !== undefined && contentKind(item) === 'nitf')
    .flatMap((item) => {
      const body = nitfBodyXml(item.data as string);
      return body === undefined ? [] : nitfPictures(body, warnings);
    });
}

function itemToArticle(
  item: NewsMl1Item,
  doc: NewsMl1Document,
  context: ParseContext,
): ParsedArticle {
  const warnings: string[] = [];
  const parts = storyParts(item.component);
  const { story } = parts;
  const lines = (key: Exclude<keyof NewsMl1Lines, 'newsLines'>) =>
    story.flatMap((c) => c.lines[key]);
  const first = <K extends 'language' | 'copyrightHolder' | 'city'>(key: K) =>
    story.find((component) => component[key] !== undefined)?.[key];

  const headline = lines('headLines')[0] ?? textsOfRole(story, /^headline$/i)[0];
  const subHeadlines =
    lines('subHeadLines').length > 0 ? lines('subHeadLines') : textsOfRole(story, /^subheadline$/i);
  if (!headline) warnings.push('NewsItem has no HeadLine');
  const guid = guidOf(item);
  if (!guid) warnings.push('NewsItem has no PublicIdentifier or complete NewsIdentifier');
  const firstCreated = toIsoDate(item.firstCreated, warnings, context, 'FirstCreated');
  const versionCreated =
    toIsoDate(item.thisRevisionCreated, warnings, context, 'ThisRevisionCreated') ?? firstCreated;
  const status = item.status?.toLowerCase();
  const pubStatus = status === undefined ? undefined : pubStatuses[status];
  if (status !== undefined && pubStatus === undefined)
    warnings.push(`unknown Status "${item.status}"`);
  const liftsAt = item.futureStatus?.toLowerCase() === 'usable' ? item.statusChangesAt : undefined;
  const embargoedUntil =
    status === 'embargoed' ? toIsoDate(liftsAt, warnings, context, 'StatusWillChange') : undefined;
  const urgency = urgencyOrWarn(item.urgency ?? doc.priority, warnings);
  const language = first('language') ?? item.language ?? doc.language ?? context.language;
  const advisory = story
    .flatMap((c) => c.lines.newsLines)
    .filter((line) => /advisory|editorial|ednote/i.test(line.type ?? ''))
    .map((line) => line.text);
  const edNote = [...item.editorialNotes, ...advisory].join(' ');
  const by = lines('byLines')[0] ?? story.flatMap((c) => c.creators).join(', ');
  const dateline = lines('dateLines')[0];
  const located = (dateline && datelinePlace(dateline)) || first('city');
  const subjects = subjectsOf(story);
  const genres = unique(
    story.flatMap((c) => c.genres),
    (name) => name,
  ).map((name) => ({ name }));
  const html = bodyHtmlOf(parts, warnings);
  const associations = [
    ...associationsOf(parts.media, context, warnings),
    ...inlinePictures(story, warnings),
  ];
  // An item with no text and one picture (or video) is that picture, not a story about it.
  const picture = html === undefined && associations.length === 1 ? associations[0] : undefined;
  const copyrightHolder = first('copyrightHolder');
  if (item.hasUpdates)
    warnings.push('NewsItem carries Update elements; partial updates are not applied');

  const parsed: ParsedArticle = {
    article: {
      type: picture?.type ?? 'text',
      ...(language && { language }),
      ...(firstCreated && { firstCreated }),
      ...(versionCreated && { versionCreated }),
      ...(embargoedUntil && { embargoedUntil }),
      ...(pubStatus && { pubStatus }),
      ...(urgency !== undefined && { urgency }),
      ...(copyrightHolder && { copyrightHolder }),
      ...(lines('copyrightLines')[0] && { copyrightNotice: lines('copyrightLines')[0] }),
      ...(edNote && { edNote }),
      ...(headline && {
        headlines: [
          { role: 'main', value: headline },
          ...subHeadlines.map((value) => ({ role: 'sub', value })),
        ],
      }),
      ...(picture?.descriptions && { descriptions: picture.descriptions }),
      ...(by && { by }),
      ...(lines('slugLines')[0] && { slugline: lines('slugLines')[0] }),
      ...(located && { located }),
      ...(subjects.length > 0 && { subjects }),
      ...(genres.length > 0 && { genres }),
      ...(guid && { altIds: [{ role: 'guid', value: guid }] }),
      ...(picture?.renditions && { renditions: picture.renditions }),
      ...(!picture && associations.length > 0 && { associations }),
    },
    source: {
      format: 'newsml-1',
      ...(guid && { guid }),
      ...(item.revisionId && { version: item.revisionId }),
      ...(advisory[0] && { attn: advisory[0] }),
    },
    signal: signalOf(item),
    warnings,
    // No contentText: NewsML 1.2's content parts are measured by no adapter yet.
    ...(html !== undefined && { bodyMarkup: { markup: html, inContentText: true } }),
  };
  return parsed;
}

export function newsMl1ToArticle(
  doc: NewsMl1Document,
  context: ParseContext,
): { articles: ParsedArticle[]; warnings: string[] } {
  const warnings = [...doc.warnings];
  if (doc.items.length === 0) warnings.push('document has no NewsItem');
  return { articles: doc.items.map((item) => itemToArticle(item, doc, context)), warnings };
}
