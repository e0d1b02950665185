// Pictures that come with an item (Media RSS, enclosures, figures in the body) as
// ninjs associations: each picture is itself a ninjs object with renditions.
import type { Ninjs } from '@wire/schema';

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

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
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
    if (!isHttpUrl(picture.href) || seen.has(picture.href)) continue;
    seen.add(picture.href);
    const width = positive(picture.width);
    const height = positive(picture.height);
    associations.push({
      name: `picture${associations.length + 1}`,
      type: 'picture',
      uri: picture.href,
      ...(picture.caption && { descriptions: [{ role: 'caption', value: picture.caption }] }),
      ...(picture.credit && { by: picture.credit }),
      renditions: [
        {
          name: picture.name ?? 'original',
          href: picture.href,
          ...(picture.contentType && { contentType: picture.contentType }),
          ...(width && { width }),
          ...(height && { height }),
        },
      ],
    });
  }
  return associations;
}
