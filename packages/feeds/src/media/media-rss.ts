// Media RSS (https://www.rssboard.org/media-rss) on an RSS item or an Atom entry:
// media:content and media:thumbnail, directly, inside media:group, and the
// thumbnails of a media:content (a video's poster frame), with their description
// and credit, inherited from the group when the content has none.
import { asArray, textOf, type XmlNode } from '../xml/parse-xml.js';
import { attributeKey } from '../xml/xml-tree.js';
import { looksLikePicture, type PictureReference } from './pictures.js';

export interface MediaReference {
  url: string;
  type?: string;
  medium?: string;
  width?: number;
  height?: number;
  description?: string;
  credit?: string;
  isThumbnail: boolean;
}

const attribute = (node: unknown, name: string): string | undefined => {
  const value =
    typeof node === 'object' && node !== null ? (node as XmlNode)[attributeKey(name)] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

const integer = (value: string | undefined): number | undefined => {
  const n = value === undefined ? Number.NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
};

const childText = (node: unknown, name: string): string | undefined => {
  if (typeof node !== 'object' || node === null) return undefined;
  const value = textOf(asArray((node as XmlNode)[name] as unknown)[0])?.trim();
  return value || undefined;
};

function reference(element: unknown, isThumbnail: boolean, scope: unknown): MediaReference[] {
  const url = attribute(element, 'url');
  if (!url) return [];
  const found: MediaReference = { url, isThumbnail };
  const fields = {
    type: attribute(element, 'type'),
    medium: attribute(element, 'medium'),
    width: integer(attribute(element, 'width')),
    height: integer(attribute(element, 'height')),
    description: childText(element, 'media:description') ?? childText(scope, 'media:description'),
    credit: childText(element, 'media:credit') ?? childText(scope, 'media:credit'),
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) (found as unknown as Record<string, unknown>)[key] = value;
  }
  return [found];
}

export function decodeMediaRss(node: XmlNode): MediaReference[] {
  const scopes: XmlNode[] = [node, ...asArray(node['media:group'] as XmlNode[])];
  return scopes.flatMap((scope) => [
    ...asArray(scope['media:content'] as unknown[]).flatMap((content) => [
      ...reference(content, false, scope),
      ...(typeof content === 'object' && content !== null
        ? asArray((content as XmlNode)['media:thumbnail'] as unknown[]).flatMap((thumbnail) =>
            reference(thumbnail, true, content),
          )
        : []),
    ]),
    ...asArray(scope['media:thumbnail'] as unknown[]).flatMap((thumbnail) =>
      reference(thumbnail, true, scope),
    ),
  ]);
}

/** The pictures among the media; a thumbnail is a picture whatever its URL looks like. */
export function mediaPictures(media: MediaReference[]): PictureReference[] {
  return media
    .filter(
      (m) =>
        m.isThumbnail || looksLikePicture({ href: m.url, contentType: m.type, medium: m.medium }),
    )
    .map((m) => ({
      href: m.url,
      contentType: m.type,
      width: m.width,
      height: m.height,
      caption: m.description,
      credit: m.credit,
      name: m.isThumbnail ? 'thumbnail' : undefined,
    }));
}
