// An article page as a DOM that Readability can read: linkedom's document (no
// scripts run, no resources load), with links and pictures made absolute against
// the page's address so that they still point somewhere once cut out of the page.
import { parseHTML } from 'linkedom';

/** The few DOM members the extraction uses; linkedom's types name browser globals we do not load. */
export interface PageElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly outerHTML: string;
  readonly innerHTML: string;
  readonly parentElement: PageElement | null;
  readonly children: ArrayLike<PageElement>;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  hasAttribute(name: string): boolean;
  remove(): void;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}

export interface PageDocument {
  readonly body: PageElement | null;
  readonly title: string;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}

// Where a lazy-loading page keeps the real picture until a script swaps it in.
const lazySources = ['data-src', 'data-original', 'data-lazy-src', 'data-url'];

export function pageDocument(html: string, pageUrl: string): PageDocument {
  const { document } = parseHTML(html) as unknown as { document: PageDocument };
  for (const img of Array.from(document.querySelectorAll('img'))) {
    const lazy = lazySources.map((name) => img.getAttribute(name)).find(Boolean);
    const src = img.getAttribute('src');
    if (lazy && (!src || src.startsWith('data:'))) img.setAttribute('src', lazy);
    absolutize(img, 'src', pageUrl);
  }
  for (const link of Array.from(document.querySelectorAll('a[href]')))
    absolutize(link, 'href', pageUrl);
  return document;
}

function absolutize(element: PageElement, attribute: string, base: string): void {
  const value = element.getAttribute(attribute)?.trim();
  if (!value || value.startsWith('#')) return;
  try {
    element.setAttribute(attribute, new URL(value, base).href);
  } catch {
    // An address no URL parser accepts stays as written; the sanitizer judges it later.
  }
}
