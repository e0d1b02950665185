// The element of an article page that is the story: the one a CSS selector names
// (for sites where generic extraction is not enough), else what Mozilla's
// Readability scores as the main content. Chosen by measurement over the page
// corpus, see docs/full-text.md.
import { Readability } from '@mozilla/readability';
import type { PageDocument } from './page-document.js';

export type NoStoryReason = 'selector-invalid' | 'selector-matched-nothing' | 'no-main-content';

export type PickedStory = { storyHtml: string } | { reason: NoStoryReason };

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

export function pickStory(document: PageDocument, selector?: string): PickedStory {
  if (selector !== undefined) {
    let element: ReturnType<PageDocument['querySelector']>;
    try {
      element = document.querySelector(selector);
    } catch {
      // The registry's selector is not CSS the DOM reads: the feed's setting, not the page.
      return { reason: 'selector-invalid' };
    }
    return element ? { storyHtml: element.innerHTML } : { reason: 'selector-matched-nothing' };
  }
  // Readability reads the whole document and rewrites it: it runs last on the page.
  const article = new Readability(document as unknown as ReadabilityDocument, {
    keepClasses: false,
  }).parse();
  return article?.content ? { storyHtml: article.content } : { reason: 'no-main-content' };
}
