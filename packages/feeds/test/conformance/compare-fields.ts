// Compares one parsed article with what another feed library expects of the same
// item, field by field, on the fields that have a ninjs counterpart in our output.
import { decode } from 'html-entities';
import { canonicalLink, type ParsedArticle } from '../../src/index.js';

export type FieldName =
  | 'title'
  | 'link'
  | 'guid'
  | 'published'
  | 'updated'
  | 'author'
  | 'categories'
  | 'content'
  | 'images';

/** What a library says about one item, in its words, mapped to our field names. */
export interface ExpectedItem {
  title?: string | undefined;
  link?: string | undefined;
  /**
   * The item's own feedburner:origLink, read from the document: the publisher's
   * URL behind FeedBurner's redirect, which we keep as Miniflux does. Where an
   * item has one, it is the link compared.
   */
  publisherLink?: string | undefined;
  guid?: string | undefined;
  /** An instant compared with firstCreated, or versionCreated when there is none. */
  published?: string | undefined;
  /** An instant compared with versionCreated. */
  updated?: string | undefined;
  /** Names that the byline must contain. */
  authors?: string[] | undefined;
  categories?: string[] | undefined;
  /** The library's categories take in the item's keywords (gofeed's translator does). */
  categoriesIncludeKeywords?: boolean | undefined;
  /** HTML or text; its first 80 normalised characters must be in our plain body. */
  content?: string | undefined;
  /** Picture URLs that must each be an association. */
  images?: string[] | undefined;
}

export interface FieldResult {
  field: FieldName;
  ok: boolean;
  expected: unknown;
  actual: unknown;
}

const contentPrefixLength = 80;

// Tags that end a line of text; other tags are dropped without a space.
const blockTag =
  /<\/?(?:p|div|br|hr|li|ul|ol|h[1-6]|blockquote|pre|table|tr|td|th|dl|dt|dd|figure|figcaption|section|article|header|footer)\b[^>]*>/gi;
const anyTag = /<\/?[a-z][^>]*>/gi;

const comment = /<!--[\s\S]*?-->/g;

const stripTags = (value: string) =>
  value.replace(comment, '').replace(blockTag, ' ').replace(anyTag, '');

/** Tags out, entities decoded (twice, for escaped markup), whitespace collapsed. */
export function normaliseText(value: string): string {
  return stripTags(decode(stripTags(value)))
    .normalize('NFC')
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim();
}

// U+FFFD in an expected value marks a character the library could not decode.
function sameText(expected: string, actual: string, prefix = false): boolean {
  if (!expected.includes('\uFFFD')) return prefix ? actual.includes(expected) : actual === expected;
  const pattern = expected
    .split('\uFFFD')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.');
  return new RegExp(prefix ? pattern : `^${pattern}$`, 'u').test(actual);
}

function sameInstant(expected: string, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  const a = Date.parse(expected);
  return Number.isFinite(a) && a === Date.parse(actual);
}

const present = (value: string | undefined): value is string =>
  value !== undefined && value.trim() !== '';

export function compareItem(
  expected: ExpectedItem,
  parsed: ParsedArticle | undefined,
): FieldResult[] {
  const article = parsed?.article;
  const source = parsed?.source;
  const results: FieldResult[] = [];
  const check = (field: FieldName, want: unknown, actual: unknown, ok: boolean) =>
    results.push({ field, ok, expected: want, actual });

  if (present(expected.title) && normaliseText(expected.title) !== '') {
    const actual = article?.headlines?.[0]?.value;
    const ok =
      actual !== undefined && sameText(normaliseText(expected.title), normaliseText(actual));
    check('title', expected.title, actual, ok);
  }
  const link = present(expected.publisherLink) ? expected.publisherLink : expected.link;
  if (present(link)) {
    const want = canonicalLink(link);
    check('link', want, source?.link, source?.link === want);
  }
  if (present(expected.guid)) {
    const want = expected.guid.trim();
    check('guid', want, source?.guid, source?.guid === want);
  }
  if (present(expected.published)) {
    const actual = article?.firstCreated ?? article?.versionCreated;
    check('published', expected.published, actual, sameInstant(expected.published, actual));
  }
  if (present(expected.updated)) {
    const actual = article?.versionCreated;
    check('updated', expected.updated, actual, sameInstant(expected.updated, actual));
  }
  const authors = (expected.authors ?? []).map(normaliseText).filter((name) => name !== '');
  if (authors.length > 0) {
    const by = normaliseText(article?.by ?? '');
    check(
      'author',
      authors,
      article?.by,
      authors.every((name) => by.includes(name)),
    );
  }
  const categories = new Set(
    (expected.categories ?? []).map(normaliseText).filter((name) => name !== ''),
  );
  if (categories.size > 0) {
    // Keywords count as categories only for a library that merges them in.
    const subjects = (article?.subjects ?? []).filter(
      (s) => expected.categoriesIncludeKeywords || s.rel !== 'keyword',
    );
    const actual = new Set(subjects.map((s) => normaliseText(s.name ?? '')));
    const ok =
      actual.size === categories.size &&
      [...categories].every((c) => [...actual].some((a) => sameText(c, a)));
    check('categories', [...categories], [...actual], ok);
  }
  const content = normaliseText(expected.content ?? '');
  if (content !== '') {
    const plain = article?.bodies?.find((b) => b.contentType === 'text/plain')?.value;
    const want = content.slice(0, contentPrefixLength);
    const ok = plain !== undefined && sameText(want, normaliseText(plain), true);
    check('content', want, plain, ok);
  }
  const images = [...new Set((expected.images ?? []).map((uri) => uri.trim()))].filter(present);
  if (images.length > 0) {
    const actual = (article?.associations ?? []).map((a) => a.uri);
    check(
      'images',
      images,
      actual,
      images.every((uri) => actual.includes(uri)),
    );
  }
  return results;
}

const pictureExtension = /\.(?:jpe?g|png|gif|webp|avif)(?:$|[?#])/i;

/** A library's media object that is a picture: by its MIME type, else by its file name. */
export function isPicture(url: string | undefined, type: string | null | undefined): boolean {
  if (!url) return false;
  if (type) return type.toLowerCase().startsWith('image/');
  return pictureExtension.test(url);
}

const itemElement = /<(item|entry)[\s>][\s\S]*?<\/\1>/g;
const origLink = /<feedburner:origLink>\s*([^<\s]+)\s*<\/feedburner:origLink>/;

/** Each item's feedburner:origLink in document order, from the raw text. */
export function publisherLinksOf(text: string): (string | undefined)[] {
  return [...text.matchAll(itemElement)].map(([item]) => origLink.exec(item)?.[1]);
}
