// contentSet of a news item (NewsML-G2 2.35 spec, "Content Set": inlineXML,
// inlineData and remoteContent with their rendition attributes).
import { textOf } from '../xml/parse-xml.js';
import { compact } from './compact.js';
import type { G2ContentSet, G2InlineData, G2RemoteContent } from './g2-item.js';
import { attr, children } from './g2-xml.js';
import { inlineBodyFromText, inlineBodyFromTree } from './inline-body.js';

function remoteContent(node: unknown): G2RemoteContent {
  const qcode = attr(node, 'rendition');
  const uri = attr(node, 'renditionuri');
  return compact<G2RemoteContent>({
    href: attr(node, 'href'),
    residref: attr(node, 'residref'),
    contentType: attr(node, 'contenttype'),
    width: attr(node, 'width'),
    height: attr(node, 'height'),
    rendition: qcode || uri ? compact({ qcode, uri }) : undefined,
  });
}

function inlineData(node: unknown): G2InlineData {
  return compact<G2InlineData>({
    contentType: attr(node, 'contenttype'),
    encoding: attr(node, 'encoding'),
    value: textOf(node) ?? '',
  });
}

/**
 * @param rawInline the inlineXML contents of this item as written in the document,
 *   in document order; without them bodies are rebuilt from the tree.
 */
export function decodeContentSet(node: unknown, rawInline: string[] | undefined): G2ContentSet {
  return {
    inlineXml: children(node, 'inlineXML').map((element, index) => {
      const contentType = attr(element, 'contenttype');
      const raw = rawInline?.[index];
      return raw === undefined
        ? inlineBodyFromTree(element, contentType)
        : inlineBodyFromText(raw, contentType);
    }),
    inlineData: children(node, 'inlineData').map(inlineData),
    remoteContent: children(node, 'remoteContent').map(remoteContent),
  };
}
