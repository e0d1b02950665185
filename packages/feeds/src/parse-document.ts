// The one entry point: fetched bytes plus a little context in, canonical
// articles and warnings out. Pure: no I/O, no clock, no logging.
import { detectFormat } from './detect-format.js';
import { ParseError } from './errors.js';
import type { ParseContext, ParseResult } from './parsed-article.js';
import { decodeRss } from './rss/decode.js';
import { rssItemToArticle } from './rss/to-article.js';
import { decodeBytes } from './text/decode-bytes.js';
import { parseXml, type XmlNode } from './xml/parse-xml.js';

export function parseDocument(bytes: Uint8Array, context: ParseContext): ParseResult {
  if (bytes.length === 0) throw new ParseError('DOCUMENT_EMPTY');
  const { text, charset } = decodeBytes(bytes, context.contentType);
  const tree = parseXml(text);
  const detected = detectFormat(tree);
  if (!detected)
    throw new ParseError('FORMAT_UNKNOWN', `root elements: ${Object.keys(tree).join(', ')}`);

  switch (detected.format) {
    case 'rss2': {
      const channel = decodeRss(tree[detected.root] as XmlNode);
      const articles = channel.items.map((item) => rssItemToArticle(item, channel, context));
      const warnings = channel.items.length === 0 ? ['the feed lists no items'] : [];
      return { format: 'rss2', charset, articles, warnings };
    }
    default:
      throw new ParseError('FORMAT_UNSUPPORTED', detected.format);
  }
}
