// Splits a NewsML 1.2 NewsItem's component tree into the story (text components,
// breadth-first, root first) and its media (the outermost photo, graphic, video and audio
// components), and reads the story's text parts by NewsComponent Role.
import { htmlToText } from '../text/html.js';
import { contentItemHtml, contentKind } from './content-html.js';
import type { NewsMl1Component } from './decode-component.js';

export interface StoryParts {
  story: NewsMl1Component[];
  media: NewsMl1Component[];
}

const mediaRoles = /^(photo|picture|image|graphic|logo|video|audio|sound)$/i;
const captionRole = /^caption$/i;
/** Roles whose text is not the body: it is a headline, a caption, a contact box, a style. */
const notBodyRoles = /^(headline|subheadline|caption|contact|stylesheet|abstract|summary)$/i;

function hasMedia(component: NewsMl1Component): boolean {
  return (
    component.contentItems.some((item) => contentKind(item) === 'media' && item.href) ||
    component.components.some(hasMedia)
  );
}

function hasStoryText(component: NewsMl1Component): boolean {
  if (captionRole.test(component.role ?? '')) return false;
  const own = component.contentItems.some((item) =>
    ['nitf', 'html', 'text'].includes(contentKind(item)),
  );
  return own || component.components.some(hasStoryText);
}

export function isMediaComponent(component: NewsMl1Component): boolean {
  if (mediaRoles.test(component.role ?? '')) return true;
  return hasMedia(component) && !hasStoryText(component);
}

export function storyParts(root: NewsMl1Component | undefined): StoryParts {
  const parts: StoryParts = { story: [], media: [] };
  // A photo NewsItem: its root component is both the metadata and the one medium.
  if (root && isMediaComponent(root)) return { story: [root], media: [root] };
  const queue = root === undefined ? [] : [root];
  for (let component = queue.shift(); component; component = queue.shift()) {
    if (isMediaComponent(component)) {
      parts.media.push(component);
    } else {
      parts.story.push(component);
      queue.push(...component.components);
    }
  }
  return parts;
}

function htmlOfRole(story: NewsMl1Component[], role: RegExp): string[] {
  return story
    .filter((component) => role.test(component.role ?? ''))
    .flatMap((component) => component.contentItems.flatMap((item) => contentItemHtml(item) ?? []));
}

/** The one-line texts of components with this role (a HeadLine component's XHTML, say). */
export function textsOfRole(story: NewsMl1Component[], role: RegExp): string[] {
  return htmlOfRole(story, role).flatMap(
    (html) => htmlToText(html).replace(/\s+/g, ' ').trim() || [],
  );
}

/** The HTML of every ContentItem that is body text, in story order. */
export function bodyHtml(story: NewsMl1Component[]): string[] {
  return story
    .filter((component) => !notBodyRoles.test(component.role ?? ''))
    .flatMap((component) => component.contentItems.flatMap((item) => contentItemHtml(item) ?? []))
    .filter((html) => html !== '');
}
