// A NewsML 1.2 media component (photo, graphic, logo, video) to a ninjs association: each
// ContentItem with an Href is a rendition; the caption is the text of a Caption component
// or the HeadLine of the component holding the files.
import type { Ninjs } from '@wire/schema';
import { htmlToText } from '../text/html.js';
import { baseWithin, resolveReference } from '../xml/xml-base.js';
import { contentItemHtml } from './content-html.js';
import type { NewsMl1Component, NewsMl1ContentItem } from './decode-component.js';

type Association = NonNullable<Ninjs['associations']>[number];
type Rendition = NonNullable<Ninjs['renditions']>[number];

interface Located {
  item: NewsMl1ContentItem;
  holder: NewsMl1Component;
  role?: string | undefined;
}

function itemsOf(component: NewsMl1Component, found: Located[] = []): Located[] {
  for (const item of component.contentItems)
    found.push({ item, holder: component, role: component.role });
  for (const child of component.components) itemsOf(child, found);
  return found;
}

function integer(value: string | undefined): number | undefined {
  const number = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(number) ? number : undefined;
}

function renditionOf(
  { item, role }: Located,
  href: string,
  index: number,
  taken: Set<string>,
): Rendition {
  const use = item.properties.ImageUse ?? item.properties.MultiMediaUse ?? role ?? item.format;
  let name = (use ?? `rendition-${index + 1}`).toLowerCase();
  if (taken.has(name)) name = `${name}-${index + 1}`;
  taken.add(name);
  const width = integer(item.properties.PixelWidth ?? item.properties.Width);
  const height = integer(item.properties.PixelHeight ?? item.properties.Height);
  return {
    name,
    href,
    ...(item.mimeType && { contentType: item.mimeType }),
    ...(width !== undefined && { width }),
    ...(height !== undefined && { height }),
  };
}

function typeOf(component: NewsMl1Component, renditions: Rendition[]): Association['type'] {
  const types = renditions.map((rendition) => rendition.contentType ?? '');
  if (types.some((type) => type.startsWith('video/'))) return 'video';
  if (types.some((type) => type.startsWith('audio/'))) return 'audio';
  return /^(graphic|logo)$/i.test(component.role ?? '') ? 'graphic' : 'picture';
}

/** A Caption component's text, else the HeadLine nearest the first linked file. */
function captionOf(component: NewsMl1Component, holder: NewsMl1Component): string | undefined {
  const captions = itemsOf(component)
    .filter(({ role }) => /^caption$/i.test(role ?? ''))
    .flatMap(({ item }) => contentItemHtml(item) ?? [])
    .map((html) => htmlToText(html).replace(/\s+/g, ' ').trim());
  return (
    captions.find((caption) => caption !== '') ??
    holder.lines.headLines[0] ??
    component.lines.headLines[0]
  );
}

function isLink(value: string | undefined): value is string {
  return value !== undefined && /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value);
}

/**
 * The media component as an association; undefined when no ContentItem links
 * anywhere. A relative Href (AFP's `9a09….jpg`) is relative to the NewsML document:
 * it resolves against the address the document was fetched from, when that is web.
 */
export function associationOf(
  component: NewsMl1Component,
  name: string,
  documentUrl?: string,
): Association | undefined {
  const base = baseWithin(documentUrl, undefined);
  const linked = itemsOf(component).flatMap((located) => {
    const href = located.item.href && resolveReference(located.item.href.trim(), base);
    return isLink(href) ? [{ located, href }] : [];
  });
  if (linked.length === 0) return undefined;
  const taken = new Set<string>();
  const renditions = linked.map(({ located, href }, i) => renditionOf(located, href, i, taken));
  const type = typeOf(component, renditions);
  const prefix = type === 'graphic' ? 'image/' : `${type === 'picture' ? 'image' : type}/`;
  const main = renditions.find((rendition) => rendition.contentType?.startsWith(prefix));
  const caption = captionOf(component, (linked[0] as { located: Located }).located.holder);
  const by = component.lines.byLines[0] ?? component.lines.creditLines[0] ?? component.creators[0];
  return {
    name,
    uri: (main ?? renditions[0])?.href as string,
    type,
    renditions,
    ...(caption && {
      descriptions: [{ role: 'caption', contentType: 'text/plain', value: caption }],
    }),
    ...(by && { by }),
  };
}
