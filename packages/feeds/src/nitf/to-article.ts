// A decoded NITF 3.x document to one canonical ninjs article.
import type { Ninjs, SourceSignal } from '@wire/schema';
import type { ParseContext, ParsedArticle } from '../parsed-article.js';
import { toIsoDate } from '../text/dates.js';
import { htmlToText } from '../text/html.js';
import { findRawElements } from '../xml/raw-xml.js';
import { nitfBodyHtml } from './body-html.js';
import { decodeMedia, type NitfDocument, type NitfMedia, type NitfSubjectCode } from './decode.js';
import { iptcCodeUri, urgencyOrWarn } from './iptc-vocabulary.js';

type Subject = NonNullable<Ninjs['subjects']>[number];
type Association = NonNullable<Ninjs['associations']>[number];

const pubStatuses: Record<string, Ninjs['pubStatus']> = {
  usable: 'usable',
  embargoed: 'withheld',
  withheld: 'withheld',
  canceled: 'canceled',
};

function integer(value: string | undefined): number | undefined {
  const number = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(number) ? number : undefined;
}

function isUri(value: string | undefined): value is string {
  if (value === undefined || !/^[a-z][a-z0-9+.-]*:/i.test(value)) return false;
  return URL.canParse(value);
}

function codeSubject(code: NitfSubjectCode): Subject | undefined {
  const name = code.detail ?? code.matter ?? code.type;
  const uri = code.refnum === undefined ? undefined : iptcCodeUri(code.refnum);
  if (name === undefined && code.refnum === undefined) return undefined;
  return {
    ...(name && { name }),
    ...(uri ? { uri } : code.refnum && { literal: code.refnum }),
  };
}

function subjectsOf(doc: NitfDocument): Subject[] {
  const all: Subject[] = [
    ...doc.subjectCodes.flatMap((code) => codeSubject(code) ?? []),
    ...doc.keywords.map((name) => ({ name, rel: 'keyword' })),
    ...doc.classifiers.map((name) => ({ name, rel: 'classifier' })),
    ...doc.docScopes.map((name) => ({ name, rel: 'scope' })),
  ];
  const seen = new Set<string>();
  return all.filter((subject) => {
    const key = `${subject.rel ?? ''} ${subject.uri ?? subject.literal ?? subject.name ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function pictureOf(media: NitfMedia, index: number, warnings: string[]): Association | undefined {
  if (media.mediaType !== undefined && media.mediaType !== 'image') return undefined;
  const linked = media.references.filter((ref) => isUri(ref.source));
  const first = linked[0]?.source;
  if (first === undefined) {
    const sources = media.references.map((ref) => ref.source ?? '').join(', ');
    warnings.push(`picture "${sources.slice(0, 64)}" has no URI; left out of associations`);
    return undefined;
  }
  const renditions = linked.map((ref, i) => ({
    name: ref.name ?? `rendition-${i + 1}`,
    href: ref.source as string,
    ...(ref.mimeType && { contentType: ref.mimeType }),
    ...(integer(ref.width) !== undefined && { width: integer(ref.width) as number }),
    ...(integer(ref.height) !== undefined && { height: integer(ref.height) as number }),
  }));
  return {
    name: `picture-${index + 1}`,
    uri: first,
    type: 'picture',
    renditions,
    ...(media.caption && {
      descriptions: [{ role: 'caption', contentType: 'text/plain', value: media.caption }],
    }),
    ...(media.producer && { by: media.producer }),
  };
}

/** The pictures of NITF body markup (carried inside another format, say), as associations. */
export function nitfPictures(bodyXml: string, warnings: string[]): Association[] {
  return findRawElements(bodyXml, 'media')
    .map(decodeMedia)
    .flatMap((media, i) => pictureOf(media, i, warnings) ?? []);
}

function bodyHtmlOf(doc: NitfDocument, warnings: string[]): string | undefined {
  if (doc.bodyXml === undefined) {
    warnings.push('document has no body.content');
    return undefined;
  }
  return nitfBodyHtml(doc.bodyXml);
}

function signalOf(doc: NitfDocument): SourceSignal {
  if (doc.managementStatus === 'canceled') return 'kill';
  return doc.correction ? 'correction' : 'none';
}

function versionOf(doc: NitfDocument): string | undefined {
  if (doc.generation && doc.version) return `${doc.generation}.${doc.version}`;
  return doc.version ?? doc.generation;
}

export function nitfToArticle(
  doc: NitfDocument,
  context: ParseContext,
): { articles: ParsedArticle[]; warnings: string[] } {
  const warnings: string[] = [];
  const headline = doc.headline ?? doc.title;
  if (!headline) warnings.push('document has neither hl1 nor title');
  if (!doc.docId) warnings.push('document has no doc-id');
  const issued = toIsoDate(doc.issued ?? doc.published, warnings, context, 'date.issue');
  const released = toIsoDate(doc.released, warnings, context, 'date.release');
  if (released && !issued) warnings.push('date.release without date.issue, taken as an embargo');
  const embargoedUntil = released && (!issued || released > issued) ? released : undefined;
  const status = doc.managementStatus;
  const pubStatus = status === undefined ? undefined : pubStatuses[status];
  if (status !== undefined && pubStatus === undefined)
    warnings.push(`unknown management-status "${status}"`);
  const urgency = urgencyOrWarn(doc.urgency, warnings);
  const language = doc.language ?? context.language;
  const subjects = subjectsOf(doc);
  const associations = doc.media.flatMap((media, i) => pictureOf(media, i, warnings) ?? []);
  const bodyHtml = bodyHtmlOf(doc, warnings);
  const version = versionOf(doc);
  const copyrightHolder = doc.copyrightHolder ?? doc.rightsOwner;

  const parsed: ParsedArticle = {
    article: {
      type: 'text',
      ...(language && { language }),
      ...(issued && { versionCreated: issued }),
      ...(embargoedUntil && { embargoedUntil }),
      ...(pubStatus && { pubStatus }),
      ...(urgency !== undefined && { urgency }),
      ...(copyrightHolder && { copyrightHolder }),
      ...(doc.edMsg && { edNote: doc.edMsg }),
      ...(headline && {
        headlines: [
          { role: 'main', value: headline },
          ...doc.subHeadlines.map((value) => ({ role: 'sub', value })),
        ],
      }),
      ...(doc.abstract && {
        descriptions: [{ role: 'summary', contentType: 'text/plain', value: doc.abstract }],
      }),
      ...(doc.bylines.length > 0 && { by: doc.bylines.join(', ') }),
      ...(doc.duKey && { slugline: doc.duKey }),
      ...(doc.located && { located: doc.located }),
      ...(subjects.length > 0 && { subjects }),
      ...(doc.genres.length > 0 && { genres: doc.genres.map((name) => ({ name })) }),
      ...(doc.docId && { altIds: [{ role: 'guid', value: doc.docId }] }),
      ...(associations.length > 0 && { associations }),
    },
    source: {
      format: 'nitf',
      ...(doc.docId && { guid: doc.docId }),
      ...(version && { version }),
    },
    signal: signalOf(doc),
    warnings,
    // The body's text as the document holds it, before its conversion to HTML.
    contentText: htmlToText(doc.bodyXml ?? ''),
    ...(bodyHtml !== undefined && { bodyMarkup: { markup: bodyHtml, inContentText: true } }),
  };
  return { articles: [parsed], warnings: [] };
}
