// The one entry point: fetched bytes plus a little context in, canonical
// articles and warnings out. Pure: no I/O, no clock, no logging.
import { decodeAtom } from './atom/decode.js';
import { atomEntryToArticle } from './atom/to-article.js';
import { cleanArticle } from './cleaning/clean-article.js';
import { type DocumentFormat, detectFormat } from './detect-format.js';
import { ParseError } from './errors.js';
import { measureCoverage } from './measure-coverage.js';
import { feedBadges } from './media/chrome.js';
import { decodeNewsMl1 } from './newsml-1/decode.js';
import { newsMl1ToArticle } from './newsml-1/to-article.js';
import { decodeNewsMlG2, g2OutlinedNames } from './newsml-g2/decode.js';
import { newsMlG2ToArticles } from './newsml-g2/to-article.js';
import { decodeNitf, nitfOutlinedNames } from './nitf/decode.js';
import { nitfToArticle } from './nitf/to-article.js';
import type { ParseContext, ParsedArticle, ParseResult } from './parsed-article.js';
import { decodeRdf } from './rdf/decode.js';
import { decodeRss, type RssChannel } from './rss/decode.js';
import { rssItemToArticle } from './rss/to-article.js';
import { decodeBytes } from './text/decode-bytes.js';
import { withoutElementPrefix, withoutPrefix } from './xml/namespaces.js';
import { asArray, type ParsedXml, parseXml, type XmlNode } from './xml/parse-xml.js';
import { type RepairedXml, repairEndTags, repairXml } from './xml/repair-xml.js';
import type { SourceOutline } from './xml/source-outline.js';

interface AdapterInput {
  root: string;
  node: XmlNode;
  xmlText: string;
  /** Where the elements that carry markup stand, when the fast path read the text as sent. */
  outline: SourceOutline | undefined;
  context: ParseContext;
}

interface AdapterOutput {
  articles: ParsedArticle[];
  warnings: string[];
}

type FormatAdapter = (input: AdapterInput) => AdapterOutput;

function fromChannel(
  channel: RssChannel,
  context: ParseContext,
  format: DocumentFormat,
): AdapterOutput {
  return {
    articles: channel.items.map((item) => rssItemToArticle(item, channel, context, format)),
    warnings: channel.items.length === 0 ? ['the feed lists no items'] : [],
  };
}

/** An Atom entry document as a feed holding it, its namespace declarations kept. */
function entryDocumentAsFeed(root: string, entry: XmlNode): XmlNode {
  const declarations = Object.fromEntries(
    Object.entries(entry).filter(([key]) => key.startsWith('@_xmlns')),
  );
  return { ...declarations, [root]: [entry] };
}

// One entry per format: decode (format-shaped object), then adapt (to articles).
const adapters: Record<DocumentFormat, FormatAdapter | undefined> = {
  rss2: ({ node, context }) => fromChannel(decodeRss(node), context, 'rss2'),
  rdf: ({ node, context }) => fromChannel(decodeRdf(node), context, 'rdf'),
  atom: ({ root, node, xmlText, context }) => {
    const feed = decodeAtom(
      root.endsWith('entry') ? entryDocumentAsFeed(root, node) : node,
      xmlText,
    );
    return {
      articles: feed.entries.map((entry) => atomEntryToArticle(entry, feed, context)),
      warnings: feed.entries.length === 0 ? ['the feed lists no entries'] : [],
    };
  },
  'newsml-g2': ({ root, node, xmlText, outline, context }) =>
    newsMlG2ToArticles(decodeNewsMlG2(root, node, xmlText, outline), context),
  nitf: ({ node, xmlText, outline, context }) =>
    nitfToArticle(decodeNitf(node, xmlText, outline), context),
  'newsml-1': ({ node, xmlText, context }) =>
    newsMl1ToArticle(decodeNewsMl1(node, xmlText), context),
};

/** The articles of a feed without the pictures most of its items carry (a badge). */
function withoutFeedBadges(articles: ParsedArticle[]): ParsedArticle[] {
  const badges = feedBadges(
    articles.map((a) => (a.article.associations ?? []).map((p) => p.uri ?? '')),
  );
  if (badges.size === 0) return articles;
  return articles.map((parsed) => {
    const kept = (parsed.article.associations ?? []).filter((p) => !badges.has(p.uri ?? ''));
    if (kept.length === (parsed.article.associations ?? []).length) return parsed;
    const { associations: _dropped, ...article } = parsed.article;
    return {
      ...parsed,
      article: kept.length > 0 ? { ...article, associations: kept } : article,
      warnings: [...parsed.warnings, 'a picture most items of the feed carry taken for its badge'],
    };
  });
}

// The document warning that says the XML took the slow path, so that how often it
// does shows in the warnings.
export const slowPathWarning =
  'XML read on the slow path (fast-xml-parser): not well-formed, or a form the one-pass reader leaves to it';

interface ReadXml extends ParsedXml {
  repaired: RepairedXml;
}

// The elements whose place in the text the XML pass records, for the decoders
// that cut markup out of the text: every format's, as the format is not known yet.
const outlinedNames: ReadonlySet<string> = new Set([...nitfOutlinedNames, ...g2OutlinedNames]);

/** The XML tree, mending a misspelled end tag only when the text as sent is refused. */
function parseRepaired(text: string): ReadXml {
  const repaired = repairXml(text);
  try {
    return { ...parseXml(repaired.text, outlinedNames), repaired };
  } catch (err) {
    const malformed = err instanceof ParseError && err.code === 'XML_MALFORMED';
    const mended = malformed ? repairEndTags(repaired.text) : undefined;
    if (mended === undefined) throw err;
    let parsed: ParsedXml;
    try {
      parsed = parseXml(mended.text, outlinedNames);
    } catch {
      throw err;
    }
    const warnings = [...repaired.warnings, ...mended.warnings];
    return { ...parsed, repaired: { text: mended.text, warnings } };
  }
}

export function parseDocument(bytes: Uint8Array, context: ParseContext): ParseResult {
  if (bytes.length === 0) throw new ParseError('DOCUMENT_EMPTY');
  const decoded = decodeBytes(bytes, context.contentType);
  const { tree, repaired, slowPath, outline } = parseRepaired(decoded.text);
  const detected = detectFormat(tree);
  if (!detected)
    throw new ParseError('FORMAT_UNKNOWN', `root elements: ${Object.keys(tree).join(', ')}`);
  const adapter = adapters[detected.format];
  if (!adapter) throw new ParseError('FORMAT_UNSUPPORTED', detected.format);

  // A root element whose name may repeat (entry) comes back as a one-element array.
  const node = (asArray(tree[detected.root] as XmlNode | XmlNode[])[0] ?? {}) as XmlNode;
  const { prefix } = detected;
  const output = adapter({
    // A prefixed IPTC document reads like an unprefixed one from here on.
    root: prefix === '' ? detected.root : detected.root.slice(prefix.length + 1),
    node: prefix === '' ? node : (withoutPrefix(node, prefix) as XmlNode),
    xmlText: prefix === '' ? repaired.text : withoutElementPrefix(repaired.text, prefix),
    // Names in the outline keep their prefix, and its offsets index the text as sent.
    outline: prefix === '' ? outline : undefined,
    context,
  });
  const warnings = [
    ...decoded.warnings,
    ...repaired.warnings,
    ...(slowPath ? [slowPathWarning] : []),
    ...output.warnings,
  ];
  const cleaned = output.articles.map(cleanArticle);
  // A badge is a feed's habit; the items of a news message may share a picture.
  const isFeed = ['rss2', 'rdf', 'atom'].includes(detected.format);
  const articles = (isFeed ? withoutFeedBadges(cleaned) : cleaned).map(measureCoverage);
  return { format: detected.format, charset: decoded.charset, articles, warnings };
}
