// Wire copy cleaning on sanitized HTML: navigation boilerplate out, a paragraph
// that repeats the photo caption out, the ATTN line and the dateline taken out
// as metadata (dateline.ts), the closing credit "(Yonhap)" recognised.
import render from 'dom-serializer';
import { type ChildNode, type Document, type Element, isTag, isText, type Text } from 'domhandler';
import { findAll, getText } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { isChromeImage, isChromeLink } from '../media/chrome.js';
import { limitNesting } from '../text/limit-nesting.js';
import { collapseWhitespace } from '../text/whitespace.js';
import { BodyBlocks } from './body-blocks.js';
import { readDateline } from './dateline.js';

export interface BodyPicture {
  src: string;
  alt?: string;
  caption?: string;
}

export interface CleanedBody {
  html: string;
  /** Pictures shown in the body: every <img>, captioned when in a <figure>. */
  pictures: BodyPicture[];
  located?: string;
  attn?: string;
  credit?: string;
  /** What was removed, in words, for the article's warnings. */
  removed: string[];
}

const boilerplate = [
  /^back to top$/i,
  /^top$/i,
  /^(?:advertisement|sponsored)$/i,
  /^(?:share|print|e-?mail|facebook|twitter|kakao ?talk)$/i,
  /^(?:맨 ?위로|위로|기사 ?더보기|더보기|광고)$/,
  // An article page's time stamp: Yonhap's "송고시간 2023-12-01 09:00", France 24's
  // "Issued on: 28/09/2023 - 10:12", Xinhua's "2023-12-11 16:02:38 来源：新华网".
  /^송고시간\s*\d{4}[-./]\d{1,2}[-./]\d{1,2}[\d: ]{0,10}$/,
  /^(?:issued|published|updated|modified) on\s*:?\s*[\d/.,: -]{6,30}$/i,
  /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:来源|來源)[:：]\s*\S{1,20}$/,
];

// What closes a story on an agency's page and is not the story: the reporter's
// e-mail alone, the copyright line ("<저작권자(c) 연합뉴스, 무단 전재-재배포 …>",
// "© 2023 AFP") and the editor's line ("【责任编辑：王明】"). Only read from the end,
// so a story that mentions them stays whole. AFP's desk sign-off ("bur-dar-gl/fz")
// is the agency's own copy, in its NewsML as on its pages, and stays.
const closingLines = [
  /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/,
  /^<?\s*(?:저작권자|copyright\b|ⓒ|©|\(c\)).{0,100}>?$/i,
  /^[【[]?(?:责任编辑|責任編輯|编辑|編輯)\s*[:：][^】\]]{1,20}[】\]]?$/,
];

const attnLine = /^\(?\s*ATTN\s*:\s*(.+?)\s*\)?$/i;

const closingCredit = /\s*\((Yonhap|AFP|AP|Reuters|dpa|Xinhua|Kyodo|UPI)\)\s*$/;
// The end mark of Korean and Chinese copy: "(끝)", "（完）".
const endMark = /\s*[(（](?:끝|完)[)）]\s*$/;
/**
 * Whether a text ends, but for whitespace, in a closing parenthesis: neither a
 * credit nor an end mark can be there otherwise, and the two patterns, which try
 * every position of a body held in one text, need not run.
 */
function endsInParenthesis(text: string): boolean {
  // trimEnd takes exactly what \s matches (white space and line terminators).
  const end = text.trimEnd();
  const last = end.charAt(end.length - 1);
  return last === ')' || last === '）';
}

function firstTextNode(node: ChildNode | Document): Text | undefined {
  if (isText(node)) return node.data.trim() ? node : undefined;
  if (isTag(node) || node.type === 'root') {
    for (const child of node.children) {
      const found = firstTextNode(child);
      if (found) return found;
    }
  }
  return undefined;
}

function lastTextNode(node: ChildNode | Document): ChildNode | undefined {
  if (isText(node)) return node.data.trim() ? node : undefined;
  if (isTag(node) || node.type === 'root') {
    for (const child of [...node.children].reverse()) {
      const found = lastTextNode(child);
      if (found) return found;
    }
  }
  return undefined;
}

export function cleanBodyHtml(html: string, options: CleanBodyOptions = {}): CleanedBody {
  const document = parseDocument(limitNesting(html));
  const { edited: _edited, ...cleaned } = cleanBodyDom(document, options);
  return { ...cleaned, html: render(document.children, { encodeEntities: 'utf8' }).trim() };
}

export interface CleanedDom extends Omit<CleanedBody, 'html'> {
  /** Whether the cleaning changed the body's text: took out an element with text, or rewrote one. */
  edited: boolean;
}

export interface CleanBodyOptions {
  /** The story's headline: a first block that only repeats it goes (an article page's title). */
  headline?: string;
}

/** The same cleaning on a body already parsed and sanitized, in place. */
export function cleanBodyDom(document: Document, options: CleanBodyOptions = {}): CleanedDom {
  const result: Omit<CleanedBody, 'html'> = { pictures: [], removed: [] };
  const body = new BodyBlocks(document);
  const repeated = options.headline && repeatedHeadline(document, options.headline);
  if (repeated) {
    body.remove(repeated);
    result.removed.push('the headline repeated');
  }

  for (const block of body.blocks()) {
    const text = body.textOf(block);
    if (boilerplate.some((pattern) => pattern.test(text))) {
      body.remove(block);
      result.removed.push(`boilerplate "${text}"`);
    }
  }

  // Page chrome out first: FeedBurner's flare block, its buttons, tracking pixels.
  const chrome = body.elements(
    (el) =>
      (el.name === 'div' && /\bfeedflare\b/.test(el.attribs.class ?? '')) ||
      (el.name === 'a' && isChromeLink(el.attribs.href ?? '')) ||
      (el.name === 'img' &&
        isChromeImage(el.attribs.src ?? '', el.attribs.width, el.attribs.height)),
  );
  for (const element of chrome) body.remove(element);
  if (chrome.length > 0)
    result.removed.push(`${chrome.length} page chrome elements (flare, pixels)`);

  // Every image of the body, with the caption of its figure when it has one.
  for (const img of body.elements((el) => el.name === 'img')) {
    const src = img.attribs.src;
    if (!src) continue;
    const figure = enclosing(img, 'figure');
    const caption = figure && findAll((el) => el.name === 'figcaption', figure.children)[0];
    const picture: BodyPicture = { src };
    if (img.attribs.alt) picture.alt = img.attribs.alt;
    if (caption) picture.caption = body.textOf(caption);
    result.pictures.push(picture);
  }

  const captions = new Set(
    body.elements((el) => el.name === 'figcaption').map((el) => body.textOf(el)),
  );
  for (const paragraph of body.paragraphs()) {
    const text = body.textOf(paragraph);
    if (text && captions.has(text)) {
      body.remove(paragraph);
      result.removed.push('a paragraph repeating the photo caption');
    }
  }

  for (const paragraph of body.paragraphs()) {
    const attn = attnLine.exec(body.textOf(paragraph))?.[1];
    if (attn) {
      result.attn = attn;
      body.remove(paragraph);
    }
  }

  const blocks = body.blocks().filter((block) => !isInside(block, 'figure'));
  for (let i = blocks.length - 1; i > 0; i--) {
    const block = blocks[i] as Element;
    const text = body.textOf(block);
    if (text === '') continue;
    if (!closingLines.some((pattern) => pattern.test(text))) break;
    body.remove(block);
    result.removed.push(`closing line "${text}"`);
  }

  const bodyParagraphs = body
    .paragraphs()
    .filter((el) => body.textOf(el) !== '' && !isInside(el, 'figure'));
  // A body with no paragraphs (an RSS description in plain text) opens with its first text.
  const opening = bodyParagraphs[0] ?? (bodyParagraphs.length === 0 ? document : undefined);
  const first = opening && firstTextNode(opening);
  if (first && isText(first)) {
    // Only a dateline that names a place comes off: "财联社5月14日电，" stays.
    const dateline = readDateline(first.data);
    if (dateline?.place) {
      result.located = dateline.place;
      body.rewrite(first, first.data.slice(dateline.length));
    }
  }

  const last = bodyParagraphs.at(-1) ?? document;
  const lastText = last && lastTextNode(last);
  if (lastText && isText(lastText) && endsInParenthesis(lastText.data)) {
    const credit = closingCredit.exec(lastText.data);
    if (credit?.[1]) {
      result.credit = credit[1];
      body.rewrite(lastText, lastText.data.slice(0, credit.index));
    } else if (endMark.test(lastText.data)) {
      body.rewrite(lastText, lastText.data.replace(endMark, ''));
    }
  }

  return { ...result, edited: body.edited };
}

/** The element that holds the body's first text when that text is the headline alone. */
function repeatedHeadline(document: Document, headline: string): Element | undefined {
  const first = firstTextNode(document);
  if (!first || collapseWhitespace(first.data) !== collapseWhitespace(headline)) return undefined;
  let holder: Element | undefined;
  for (let parent = first.parent; parent && isTag(parent); parent = parent.parent) {
    if (collapseWhitespace(getText(parent)) !== collapseWhitespace(headline)) break;
    holder = parent;
  }
  return holder;
}

function enclosing(element: Element, name: string): Element | undefined {
  for (let parent = element.parent; parent; parent = parent.parent) {
    if (isTag(parent) && parent.name === name) return parent;
  }
  return undefined;
}

function isInside(element: Element, name: string): boolean {
  return enclosing(element, name) !== undefined;
}
