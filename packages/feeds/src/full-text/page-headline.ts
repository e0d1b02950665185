// The story's headline as its page states it: the Open Graph title an agency
// writes for sharing, else the page's first <h1>, else its <title>. Taken before
// page chrome goes, since some pages keep the <h1> in a <header>.
import type { PageDocument } from './page-document.js';

const tidy = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim() || undefined;

export function pageHeadline(document: PageDocument): string | undefined {
  return (
    tidy(document.querySelector('meta[property="og:title"]')?.getAttribute('content')) ??
    tidy(document.querySelector('h1')?.textContent) ??
    tidy(document.title)
  );
}
