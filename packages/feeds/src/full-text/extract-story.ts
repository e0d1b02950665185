// The whole story from an article page: the page read as a DOM, its chrome taken
// out, the story's element picked, then the same wire-copy cleaning a feed item's
// body gets (readBody: sanitize, datelines to `located`, credits out, a paragraph
// repeating a caption out), so the result is what an item's body would hold.
// Pure: a page's text and address in, a story or the reason there is none out.
import { type ReadBody, readBody } from '../cleaning/read-body.js';
import { captionedFigures, withRepeatedFigures } from './captioned-figures.js';
import { pageDocument } from './page-document.js';
import { pageHeadline } from './page-headline.js';
import { type NoStoryReason, pickStory } from './pick-story.js';
import { stripPageChrome } from './strip-page-chrome.js';

export interface StoryPicture {
  url: string;
  caption?: string;
}

export interface ExtractedStory {
  headline?: string;
  /** The ninjs bodies (text/html and text/plain, with their counts), as an item's body gives them. */
  bodies: ReadBody['bodies'];
  /** The cleaned, sanitized story as HTML: what an item's text/html body holds. */
  bodyHtml: string;
  /** Its plain text, one paragraph per line pair. */
  text: string;
  /** The story's pictures, each with its caption once. */
  pictures: StoryPicture[];
  /** The dateline's place, taken out of the first paragraph ("WASHINGTON", "서울"). */
  located?: string;
  /** The closing credit taken off the last paragraph ("Yonhap"). */
  credit?: string;
  /** What was taken out, in words. */
  warnings: string[];
}

export interface ExtractStoryOptions {
  /** A CSS selector whose element is the story, for sites generic extraction misreads. */
  selector?: string;
}

export type MissingStoryReason = 'empty-page' | NoStoryReason | 'too-little-text';

export type StoryOrReason = { story: ExtractedStory } | { reason: MissingStoryReason };

// Fewer characters than this is a teaser or an empty shell, not a story; low
// enough for a two-sentence Japanese or Chinese brief.
const minimumStoryCharacters = 40;

/** The story on an article page, or undefined when there is none (see readStory for why). */
export function extractStory(
  html: string,
  pageUrl: string,
  options: ExtractStoryOptions = {},
): ExtractedStory | undefined {
  const result = readStory(html, pageUrl, options);
  return 'story' in result ? result.story : undefined;
}

/** The story on an article page, or the reason none was found. */
export function readStory(
  html: string,
  pageUrl: string,
  options: ExtractStoryOptions = {},
): StoryOrReason {
  if (!/\S/.test(html)) return { reason: 'empty-page' };
  const document = pageDocument(html, pageUrl);
  const headline = pageHeadline(document);
  const chrome = stripPageChrome(document);
  const figures = captionedFigures(document);
  const picked = pickStory(document, options.selector);
  if ('reason' in picked) return { reason: picked.reason };

  const body = readBody(
    withRepeatedFigures(picked.storyHtml, figures),
    'main',
    headline === undefined ? {} : { headline },
  );
  const [htmlBody, textBody] = body.bodies;
  const text = textBody?.value ?? '';
  if (text.length < minimumStoryCharacters) return { reason: 'too-little-text' };

  const story: ExtractedStory = {
    bodies: body.bodies,
    bodyHtml: htmlBody?.value ?? '',
    text,
    pictures: body.pictures.map((p) => {
      const caption = p.caption ?? p.alt;
      return caption ? { url: p.src, caption } : { url: p.src };
    }),
    warnings: [
      ...(chrome > 0 ? [`${chrome} page chrome elements removed`] : []),
      ...body.removed.map((what) => `removed ${what}`),
    ],
  };
  if (headline) story.headline = headline;
  if (body.located) story.located = body.located;
  if (body.credit) story.credit = body.credit;
  return { story };
}
