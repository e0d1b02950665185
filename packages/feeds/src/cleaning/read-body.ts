// An item's body markup read in one HTML pass: parsed once, the text its source
// holds taken, made safe, the wire copy cleaned, and from the same tree the HTML
// and plain bodies with their counts. Sanitizing, cleaning and text used to parse
// the same markup five times over. The text is read from the tree once, before
// anything is taken out, and again only if sanitizing or cleaning changed it;
// its words and coverage tokens are counted in one walk.
import render from 'dom-serializer';
import { parseDocument } from 'htmlparser2';
import { domText } from '../text/dom-text.js';
import { bodiesFromText } from '../text/html.js';
import { limitNesting } from '../text/limit-nesting.js';
import { sanitizeDom } from '../text/sanitize-dom.js';
import { textCounts } from '../text/word-counts.js';
import { type CleanBodyOptions, type CleanedBody, cleanBodyDom } from './clean-body.js';

export interface ReadBody extends Omit<CleanedBody, 'html'> {
  /** The HTML body and its plain text, with counts. */
  bodies: ReturnType<typeof bodiesFromText>;
  /** The text the markup held before anything was taken out, for the coverage check. */
  sourceText: string;
  /** Its coverage tokens, when nothing was taken out and they were counted with the words. */
  sourceTokens?: number;
}

export function readBody(markup: string, role = 'main', options: CleanBodyOptions = {}): ReadBody {
  const document = parseDocument(limitNesting(markup));
  const sourceText = domText(document.children);
  const unwrapped = sanitizeDom(document);
  const { edited, ...cleaned } = cleanBodyDom(document, options);
  const html = render(document.children, { encodeEntities: 'utf8' }).trim();
  const changed = unwrapped || edited;
  const text = changed ? domText(document.children) : sourceText;
  const { words, tokens } = textCounts(text);
  return {
    ...cleaned,
    bodies: bodiesFromText(html, text, role, words),
    sourceText,
    ...(!changed && { sourceTokens: tokens }),
  };
}
