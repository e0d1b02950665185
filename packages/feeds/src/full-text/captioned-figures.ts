// Pictures that a page sets beside its story rather than inside it, brought back
// to the story they illustrate. Many agency pages keep the photo and its caption
// in a box next to the story's element, and repeat the caption as the story's
// first paragraph: extraction then keeps the repeat and loses the picture. A
// figure whose caption the story repeats goes in front of the story, so the
// wire-copy cleaning sees the caption in its figure and drops the repeat.
import { htmlToText } from '../text/html.js';
import type { PageDocument } from './page-document.js';

export interface CaptionedFigure {
  html: string;
  caption: string;
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The page's captioned figures, read before extraction rewrites the page. */
export function captionedFigures(document: PageDocument): CaptionedFigure[] {
  const figures: CaptionedFigure[] = [];
  for (const figure of Array.from(document.querySelectorAll('figure'))) {
    const caption = normalize(figure.querySelector('figcaption')?.textContent ?? '');
    // A picture and its caption, nothing else: a video teaser repeats its title inside.
    const onlyCaptioned = normalize(figure.textContent ?? '') === caption;
    if (caption && onlyCaptioned && figure.querySelector('img'))
      figures.push({ html: figure.outerHTML, caption });
  }
  return figures;
}

/** The story with each figure whose caption it repeats as a <p>, and holds in no figure, in front. */
export function withRepeatedFigures(storyHtml: string, figures: CaptionedFigure[]): string {
  // The story's <p>s, as the cleaning compares them with captions.
  const paragraphs = new Set(
    Array.from(storyHtml.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi), (m) =>
      normalize(htmlToText(m[1] ?? '')),
    ),
  );
  const ownCaptions = new Set(
    Array.from(storyHtml.matchAll(/<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>/gi), (m) =>
      normalize(htmlToText(m[1] ?? '')),
    ),
  );
  const missing = figures.filter(
    (figure) => paragraphs.has(figure.caption) && !ownCaptions.has(figure.caption),
  );
  return missing.length > 0 ? `${missing.map((f) => f.html).join('\n')}\n${storyHtml}` : storyHtml;
}
