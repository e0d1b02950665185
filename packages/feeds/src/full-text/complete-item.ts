// A feed item completed from its article page (issue 16): the item, which travels
// with the page as a one-item document, parsed as any feed is, then its body
// replaced by the story read off the page. Pure: the item's and the page's bytes
// in, the one article out; a page with no story to read is a ParseError.
import { ParseError } from '../errors.js';
import { withBodyPictures } from '../media/pictures.js';
import { parseDocument } from '../parse-document.js';
import type { ParseContext, ParsedArticle, ParseResult } from '../parsed-article.js';
import { decodePage } from './decode-page.js';
import { readStory } from './extract-story.js';

export interface PageContext extends ParseContext {
  /** The page's address after redirects: its relative links and pictures resolve there. */
  pageUrl: string;
  /** The page's Content-Type as served (its charset parameter counts). */
  pageContentType?: string | undefined;
  /** A CSS selector whose element is the story (registry: fullTextSelector). */
  selector?: string | undefined;
}

export function completeItem(
  itemDocument: string,
  page: Uint8Array,
  context: PageContext,
): ParseResult {
  const { pageUrl, pageContentType, selector, ...itemContext } = context;
  const item = parseDocument(Buffer.from(itemDocument, 'utf8'), {
    ...itemContext,
    contentType: 'application/xml; charset=utf-8',
  });
  const [lead, ...others] = item.articles;
  if (lead === undefined || others.length > 0) {
    throw new ParseError('PAGE_ITEM_INVALID', `${item.articles.length} items`);
  }
  const decoded = decodePage(page, pageContentType);
  const read = readStory(decoded.text, pageUrl, selector === undefined ? {} : { selector });
  if ('reason' in read) throw new ParseError('PAGE_NO_STORY', read.reason);
  const { story } = read;

  const article = { ...lead.article, bodies: story.bodies };
  const located = story.located ?? lead.article.located;
  if (located !== undefined) article.located = located;
  const by = lead.article.by ?? story.credit;
  if (by !== undefined) article.by = by;
  const associations = withBodyPictures(
    lead.article.associations,
    story.pictures.map((p) => ({ href: p.url, caption: p.caption })),
  );
  if (associations) article.associations = associations;
  // The page's text is its own source: the item's coverage no longer applies.
  const { coverage: _measured, contentText: _lead, ...rest } = lead;
  const completed: ParsedArticle = {
    ...rest,
    article,
    warnings: [...lead.warnings, ...story.warnings],
  };
  return {
    format: item.format,
    charset: decoded.charset,
    articles: [completed],
    warnings: [...item.warnings, ...decoded.warnings],
  };
}
