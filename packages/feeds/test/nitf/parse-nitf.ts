// Shared by the NITF tests: parse a document end to end, check IPTC ninjs validity.
import { createIptcNinjsValidator } from '@wire/testkit';
import { expect } from 'vitest';
import { cleanArticle } from '../../src/cleaning/clean-article.js';
import { decodeNitf } from '../../src/nitf/decode.js';
import { nitfToArticle } from '../../src/nitf/to-article.js';
import type { ParseContext, ParsedArticle } from '../../src/parsed-article.js';
import { parseXml, type XmlNode } from '../../src/xml/parse-xml.js';

export const context: ParseContext = { feedId: 'nitf-test', fetchedAt: '2024-01-01T00:00:00.000Z' };
const validate = createIptcNinjsValidator();

export function parseNitf(xml: string, ctx: ParseContext = context): ParsedArticle {
  const { tree } = parseXml(xml);
  const root = Object.keys(tree).find((key) => key === 'nitf' || key.endsWith(':nitf')) ?? 'nitf';
  const { articles, warnings } = nitfToArticle(decodeNitf(tree[root] as XmlNode, xml), ctx);
  expect(warnings).toEqual([]);
  expect(articles).toHaveLength(1);
  // The body's markup is read as parseDocument reads it, in the cleaning every article goes through.
  return cleanArticle(articles[0] as ParsedArticle);
}

export function expectValidNinjs(parsed: ParsedArticle): void {
  expect(validate({ uri: 'urn:test:x', ...parsed.article })).toEqual([]);
}

/** A small NITF document: `docdata` and `content` are spliced into a fixed skeleton. */
export function nitf({
  docdata = '',
  head = '',
  bodyHead = '',
  content = '<p>Body.</p>',
} = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<nitf xml:lang="en-GB">
  <head>
    <title>Fallback title</title>
    ${head}
    <docdata>
      <doc-id id-string="test-doc-1"/>
      <date.issue norm="20230203T073100+0900"/>
      ${docdata}
    </docdata>
  </head>
  <body>
    <body.head>${bodyHead}</body.head>
    <body.content>${content}</body.content>
  </body>
</nitf>`;
}
