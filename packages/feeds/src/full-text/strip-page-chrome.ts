// Page chrome out of an article page before the story is looked for: the parts
// of a page that are never the story (sharing, newsletter and subscription boxes,
// paywall overlays, related lists, comments, "report an error" boxes, a photo's
// hide/toggle caption buttons), recognised by their class, id or role, and the
// short promotion lines some sites put inside the story's own container.
// Readability keeps some of these when they sit inside the story's element.
import type { PageDocument, PageElement } from './page-document.js';

// Words of a class or id, matched whole between separators ("share-tools",
// "newsletter_box", "capping__title"), so "shared" or "sharp" are not chrome.
const chromeWords = [
  'share',
  'sharing',
  'social',
  'newsletter',
  'newsletters',
  'subscribe',
  'subscription',
  'paywall',
  'capping',
  'related',
  'recommended',
  'promo',
  'comments',
  'cookie',
  'cookies',
  'advert',
  'advertisement',
  'sponsored',
  'breadcrumb',
  'report',
  'hide-caption',
  'toggle-caption',
  'enlarge',
  'back-to-top',
  'newsletter-cleverreach',
];
const chromeName = new RegExp(`(?:^|[\\s_-])(?:${chromeWords.join('|')})(?:$|[\\s_-])`, 'i');

const chromeRoles = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'dialog']);

// A short block that sends the reader elsewhere ("More articles from this
// section", "Read more:"), in the languages of the corpus.
const promotionLine =
  /^(?:mehr artikel aus dieser rubrik|lesen sie auch|more from|read more|related|see also|lire aussi|à lire aussi|lea también|leer más|더 보기|관련 기사|相关新闻|相关阅读|関連記事)\b/i;

/** Removes page chrome in place; returns how many elements went, for the warnings. */
export function stripPageChrome(document: PageDocument): number {
  let removed = 0;
  const drop = (element: PageElement) => {
    element.remove();
    removed++;
  };
  for (const element of Array.from(document.querySelectorAll('nav, header, footer, aside, form')))
    if (!containsStory(element)) drop(element);
  for (const element of Array.from(
    document.querySelectorAll('[class], [id], [role], [hidden], [aria-hidden="true"]'),
  )) {
    if (!element.parentElement) continue;
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    const role = element.getAttribute('role') ?? '';
    const hidden = element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true';
    if ((chromeName.test(names) || chromeRoles.has(role) || hidden) && !containsStory(element))
      drop(element);
  }
  for (const block of Array.from(document.querySelectorAll('p, li, h2, h3, h4'))) {
    const text = (block.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length < 120 && promotionLine.test(text)) drop(block);
  }
  return removed;
}

// A page that wraps its whole layout in a "promo" or "header" element must not
// lose the story with it: an element holding the page's <article> or several
// long paragraphs is not chrome, whatever its name.
function containsStory(element: PageElement): boolean {
  if (element.tagName === 'ARTICLE' || element.querySelector('article')) return true;
  let long = 0;
  for (const paragraph of Array.from(element.querySelectorAll('p')))
    if ((paragraph.textContent ?? '').length > 200 && ++long >= 3) return true;
  return false;
}
