// NITF 3.x (https://iptc.org/std/NITF/, nitf-3-6.dtd): the tree to a typed, NITF-shaped
// object. head/docdata and head/tobject come from the tree; body.head text, body.content
// markup and its media come from the XML text, where mixed content keeps its order:
// cut where the XML pass found them (the outline), else found by a scan of the text.

import { datelinePlace } from '../text/dateline.js';
import type { XmlNode } from '../xml/parse-xml.js';
import { findRawElement, findRawElements, type RawElement } from '../xml/raw-xml.js';
import {
  innerOf,
  outermost,
  rawElementOf,
  type SourceOutline,
  wholeText,
} from '../xml/source-outline.js';
import { outlinedFragment, scannedFragment, type XmlFragment } from '../xml/xml-fragment.js';
import { nitfInlineText } from './body-html.js';
import { attributeOf, childOf, childrenOf, textIn } from './tree.js';

export interface NitfSubjectCode {
  refnum?: string;
  type?: string;
  matter?: string;
  detail?: string;
}

export interface NitfMediaReference {
  source?: string;
  mimeType?: string;
  width?: string;
  height?: string;
  alternateText?: string;
  name?: string;
}

export interface NitfMedia {
  mediaType?: string;
  references: NitfMediaReference[];
  caption?: string;
  producer?: string;
}

export interface NitfDocument {
  language?: string;
  title?: string;
  docId?: string;
  /** docdata@management-status: usable, embargoed, withheld, canceled. */
  managementStatus?: string;
  /** docdata/correction: present when the document corrects an earlier one. */
  correction?: { info?: string };
  urgency?: string;
  issued?: string;
  released?: string;
  expires?: string;
  published?: string;
  copyrightHolder?: string;
  rightsOwner?: string;
  edMsg?: string;
  duKey?: string;
  version?: string;
  generation?: string;
  keywords: string[];
  classifiers: string[];
  subjectCodes: NitfSubjectCode[];
  genres: string[];
  docScopes: string[];
  headline?: string;
  subHeadlines: string[];
  bylines: string[];
  dateline?: string;
  located?: string;
  abstract?: string;
  distributor?: string;
  /** The content of every body.content, as written in the source. */
  bodyXml?: string;
  media: NitfMedia[];
}

function decodeSubjectCode(node: XmlNode): NitfSubjectCode {
  const code: NitfSubjectCode = {};
  for (const field of ['refnum', 'type', 'matter', 'detail'] as const) {
    const value = attributeOf(node, `tobject.subject.${field}`);
    if (value !== undefined) code[field] = value;
  }
  return code;
}

export function decodeMedia(media: RawElement): NitfMedia {
  const references = findRawElements(media.inner, 'media-reference').map(({ attributes }) => {
    const reference: NitfMediaReference = {};
    const fields = {
      source: attributes.source,
      mimeType: attributes['mime-type'],
      width: attributes.width,
      height: attributes.height,
      alternateText: attributes['alternate-text'],
      name: attributes.name,
    };
    for (const [key, value] of Object.entries(fields)) {
      if (value?.trim()) reference[key as keyof NitfMediaReference] = value.trim();
    }
    return reference;
  });
  const decoded: NitfMedia = { references };
  const text = (name: string) => {
    const raw = findRawElement(media.inner, name);
    return raw === undefined ? undefined : nitfInlineText(raw.inner);
  };
  const mediaType = media.attributes['media-type']?.trim();
  const caption = text('media-caption');
  const producer = text('media-producer');
  if (mediaType) decoded.mediaType = mediaType;
  if (caption) decoded.caption = caption;
  if (producer) decoded.producer = producer;
  return decoded;
}

const storyDate = /<([\w-]+:)?story\.date\b[^>]*?(\/>|>[\s\S]*?<\/([\w-]+:)?story\.date>)/g;

/** The place of a dateline: its location element, else its text without the story.date. */
function nitfDatelinePlace(dateline: string): string | undefined {
  const location = findRawElement(dateline, 'location');
  const text = nitfInlineText(location?.inner ?? dateline.replace(storyDate, ''));
  return text === undefined ? undefined : datelinePlace(text);
}

function decodeBodyHead(doc: NitfDocument, head: XmlFragment | undefined): void {
  if (head === undefined) return;
  const text = (name: string, within = head) => {
    const found = within.first(name);
    return found === undefined ? undefined : nitfInlineText(found.inner);
  };
  const hedline = head.first('hedline');
  const headline = hedline === undefined ? undefined : text('hl1', hedline);
  if (headline) doc.headline = headline;
  doc.subHeadlines = (hedline?.all('hl2') ?? []).flatMap((hl2) => nitfInlineText(hl2.inner) ?? []);
  doc.bylines = head.all('byline').flatMap((by) => nitfInlineText(by.inner) ?? []);
  const dateline = head.first('dateline')?.inner;
  const located = dateline === undefined ? undefined : nitfDatelinePlace(dateline);
  const fields = {
    dateline: dateline === undefined ? undefined : nitfInlineText(dateline),
    located,
    abstract: text('abstract'),
    distributor: text('distributor'),
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined)
      doc[key as 'dateline' | 'located' | 'abstract' | 'distributor'] = value;
  }
}

function decodeDocdata(doc: NitfDocument, docdata: XmlNode | undefined): void {
  const duKey = childOf(docdata, 'du-key');
  const correction = childOf(docdata, 'correction');
  const fields: Partial<Record<keyof NitfDocument, string | undefined>> = {
    docId: attributeOf(childOf(docdata, 'doc-id'), 'id-string'),
    managementStatus: attributeOf(docdata, 'management-status')?.toLowerCase(),
    urgency: attributeOf(childOf(docdata, 'urgency'), 'ed-urg'),
    issued: attributeOf(childOf(docdata, 'date.issue'), 'norm'),
    released: attributeOf(childOf(docdata, 'date.release'), 'norm'),
    expires: attributeOf(childOf(docdata, 'date.expire'), 'norm'),
    copyrightHolder: attributeOf(childOf(docdata, 'doc.copyright'), 'holder'),
    rightsOwner: attributeOf(childOf(docdata, 'doc.rights'), 'owner'),
    edMsg: attributeOf(childOf(docdata, 'ed-msg'), 'info'),
    duKey: attributeOf(duKey, 'key'),
    version: attributeOf(duKey, 'version'),
    generation: attributeOf(duKey, 'generation'),
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) (doc as unknown as Record<string, string>)[key] = value;
  }
  if (correction) {
    const info = attributeOf(correction, 'info');
    doc.correction = info === undefined ? {} : { info };
  }
  doc.keywords = childrenOf(childOf(docdata, 'key-list'), 'keyword').flatMap(
    (keyword) => attributeOf(keyword, 'key') ?? [],
  );
  doc.classifiers = childrenOf(childOf(docdata, 'identified-content'), 'classifier').flatMap(
    (classifier) => attributeOf(classifier, 'value') ?? textIn(classifier) ?? [],
  );
  doc.docScopes = childrenOf(docdata, 'doc-scope').flatMap(
    (scope) => attributeOf(scope, 'scope') ?? [],
  );
}

/** The elements the decoder cuts from the text, when the XML pass outlines them. */
export const nitfOutlinedNames = [
  'body',
  'body.head',
  'body.content',
  'media',
  // body.head's parts
  'hedline',
  'hl1',
  'hl2',
  'byline',
  'dateline',
  'abstract',
  'distributor',
];

interface RawBody {
  head: XmlFragment | undefined;
  contents: string[];
  media: RawElement[];
}

/** body.head, the body.contents and their media, found by scanning the text. */
function scannedBody(xmlText: string): RawBody {
  // The root is nitf, so its first body is the text's first: no scan for the root.
  const rawBody = findRawElement(xmlText, 'body')?.inner ?? '';
  const contents = findRawElements(rawBody, 'body.content').map((content) => content.inner);
  const head = findRawElement(rawBody, 'body.head')?.inner;
  return {
    head: head === undefined ? undefined : scannedFragment(head),
    contents,
    media: contents.length > 0 ? findRawElements(contents.join('\n'), 'media') : [],
  };
}

/** The same, cut where the XML pass found them. */
function outlinedBody(outline: SourceOutline): RawBody {
  const body = outermost(outline, 'body', wholeText(outline))[0];
  if (body === undefined) return { head: undefined, contents: [], media: [] };
  const head = outermost(outline, 'body.head', body)[0];
  const contents = outermost(outline, 'body.content', body);
  return {
    head: head === undefined ? undefined : outlinedFragment(outline, head),
    contents: contents.map((content) => innerOf(outline, content)),
    media: contents.flatMap((content) =>
      outermost(outline, 'media', content).map((media) => rawElementOf(outline, media)),
    ),
  };
}

export function decodeNitf(nitf: XmlNode, xmlText: string, outline?: SourceOutline): NitfDocument {
  const head = childOf(nitf, 'head');
  const body = childOf(nitf, 'body');
  const tobject = childOf(head, 'tobject');
  const doc: NitfDocument = {
    keywords: [],
    classifiers: [],
    subjectCodes: childrenOf(tobject, 'tobject.subject').map(decodeSubjectCode),
    genres: childrenOf(tobject, 'tobject.property').flatMap(
      (property) => attributeOf(property, 'tobject.property.type') ?? [],
    ),
    docScopes: [],
    subHeadlines: [],
    bylines: [],
    media: [],
  };
  const language =
    attributeOf(nitf, 'xml:lang') ??
    attributeOf(nitf, 'baselang') ??
    attributeOf(childOf(body, 'body.content'), 'xml:lang');
  const title = textIn(childOf(head, 'title'));
  const published = attributeOf(childOf(head, 'pubdata'), 'date.publication');
  if (language) doc.language = language;
  if (title) doc.title = title;
  if (published) doc.published = published;
  decodeDocdata(doc, childOf(head, 'docdata'));

  const raw = outline === undefined ? scannedBody(xmlText) : outlinedBody(outline);
  decodeBodyHead(doc, raw.head);
  if (raw.contents.length > 0) doc.bodyXml = raw.contents.join('\n');
  doc.media = raw.media.map(decodeMedia);
  return doc;
}
