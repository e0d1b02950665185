// Pictures that come with an item (Media RSS, enclosures, figures in the body) as
// ninjs associations: each picture is itself a ninjs object with renditions.
import type { Ninjs } from '@wire/schema';
import { isChromeImage } from './chrome.js';

export interface PictureReference {
  href: string;
  contentType?: string | undefined;
  width?: number | undefined;
  height?: number | undefined;
  caption?: string | undefined;
  credit?: string | undefined;
  /** Media RSS medium or a rendition name such as "thumbnail". */
  name?: string | undefined;
}

type Association = NonNullable<Ninjs['associations']>[number];

const imageType = /^image\//i;
const imageExtension = /\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?)(?:$|[?#])/i;

export function looksLikePicture(reference: {
  href: string;
  contentType?: string | undefined;
  medium?: string | undefined;
}): boolean {
  if (reference.medium) return reference.medium === 'image';
  if (reference.contentType) return imageType.test(reference.contentType);
  return imageExtension.test(reference.href);
}

/**
 * An http(s) address as an RFC 3986 URI: what WHATWG URL parsing leaves that a URI
 * may not hold (a space, `|`, braces in a query) percent-encoded.
 */
export function asUri(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    if (!['http:', 'https:'].includes(url.protocol)) return undefined;
    return url.href.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/g, (char) =>
      encodeURIComponent(char),
    );
  } catch {
    return undefined;
  }
}

function positive(value: number | undefined): number | undefined {
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** One association per distinct picture href, in order of appearance. */
export function picturesToAssociations(pictures: PictureReference[]): Association[] {
  const seen = new Set<string>();
  const associations: Association[] = [];
  for (const picture of pictures) {
    const href = asUri(picture.href);
    if (href === undefined || seen.has(href)) continue;
    if (isChromeImage(href, picture.width, picture.height)) continue;
    seen.add(href);
    const width = positive(picture.width);
    const height = positive(picture.height);
    associations.push({
      name: `picture${associations.length + 1}`,
      type: 'picture',
      uri: href,
      ...(picture.caption && { descriptions: [{ role: 'caption', value: picture.caption }] }),
      ...(picture.credit && { by: picture.credit }),
      renditions: [
        {
          name: picture.name ?? 'original',
          href,
          ...(picture.contentType && { contentType: picture.contentType }),
          ...(width && { width }),
          ...(height && { height }),
        },
      ],
    });
  }
  return associations;
}

/**
 * The item's associations with the body's pictures after them, each picture once:
 * one the item already carries, as a picture or one of its renditions, is not another.
 */
export function withBodyPictures(
  existing: Association[] | undefined,
  pictures: PictureReference[],
): Association[] | undefined {
  const known = new Set(
    (existing ?? []).flatMap((a) => [a.uri, ...(a.renditions ?? []).map((r) => r.href)]),
  );
  const figures = picturesToAssociations(pictures.filter((p) => !known.has(p.href)));
  if (figures.length === 0) return existing;
  const before = existing ?? [];
  return [...before, ...figures.map((f, i) => ({ ...f, name: `picture${before.length + i + 1}` }))];
}
