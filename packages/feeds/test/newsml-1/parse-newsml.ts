// Shared by the NewsML 1.2 tests: parse a document end to end, build small documents,
// check IPTC ninjs validity.
import { readFileSync } from 'node:fs';
import { corpusDir, createIptcNinjsValidator } from '@wire/testkit';
import { expect } from 'vitest';
import { cleanArticle } from '../../src/cleaning/clean-article.js';
import { decodeNewsMl1 } from '../../src/newsml-1/decode.js';
import { newsMl1ToArticle } from '../../src/newsml-1/to-article.js';
import type { ParseContext, ParsedArticle } from '../../src/parsed-article.js';
import { decodeBytes } from '../../src/text/decode-bytes.js';
import { parseXml, type XmlNode } from '../../src/xml/parse-xml.js';

const context: ParseContext = { feedId: 'newsml-test', fetchedAt: '2024-01-01T00:00:00.000Z' };
const validate = createIptcNinjsValidator();

/** The articles as parseDocument makes them: adapted, then cleaned (which reads the body). */
export function parseNewsMl(xml: string) {
  const mapped = newsMl1ToArticle(
    decodeNewsMl1(parseXml(xml).tree.NewsML as XmlNode, xml),
    context,
  );
  return { ...mapped, articles: mapped.articles.map(cleanArticle) };
}

export function only(xml: string): ParsedArticle {
  const { articles, warnings } = parseNewsMl(xml);
  expect(warnings).toEqual([]);
  expect(articles).toHaveLength(1);
  return articles[0] as ParsedArticle;
}

export const fixture = (path: string) => decodeBytes(readFileSync(`${corpusDir}/${path}`)).text;

export function expectValidNinjs(parsed: ParsedArticle): void {
  expect(validate({ uri: 'urn:test:x', ...parsed.article })).toEqual([]);
}

export interface ItemParts {
  id?: string;
  revision?: string;
  management?: string;
  lines?: string;
  components?: string;
}

export function newsItem({
  id = 'X1',
  revision = '<RevisionId PreviousRevision="0" Update="N">1</RevisionId>',
  management = '<Status FormalName="Usable"/>',
  lines = '<HeadLine>A headline</HeadLine>',
  components = '',
}: ItemParts = {}): string {
  return `<NewsItem>
    <Identification><NewsIdentifier><ProviderId>example.com</ProviderId><DateId>20230203</DateId>
      <NewsItemId>${id}</NewsItemId>${revision}</NewsIdentifier></Identification>
    <NewsManagement><NewsItemType FormalName="News"/><FirstCreated>20230203T073100+0900</FirstCreated>
      <ThisRevisionCreated>20230203T083100+0900</ThisRevisionCreated>${management}</NewsManagement>
    <NewsComponent><NewsLines>${lines}</NewsLines>
      ${
        components ||
        `<ContentItem><MediaType FormalName="Text"/><Format FormalName="XHTML"/>
        <DataContent><html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head>
          <body><p>Body of ${id} with <b>bold</b> text.</p><p/></body></html></DataContent></ContentItem>`
      }
    </NewsComponent>
  </NewsItem>`;
}

export const newsMl = (...items: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><NewsML Version="1.2"><NewsEnvelope><DateAndTime>20230203T083100+0900</DateAndTime></NewsEnvelope>${items.join('')}</NewsML>`;
