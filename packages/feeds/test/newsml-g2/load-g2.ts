// Test helper: a NewsML-G2 file on disk to decoded items and mapped articles, the
// way parse-document does it (bytes → text → tree → decode → adapt).
import { readFileSync } from 'node:fs';
import { ninjsSchema } from '@wire/schema';
import { createIptcNinjsValidator } from '@wire/testkit';
import { cleanArticle } from '../../src/cleaning/clean-article.js';
import { decodeNewsMlG2 } from '../../src/newsml-g2/decode.js';
import type { G2Item } from '../../src/newsml-g2/g2-item.js';
import { newsMlG2ToArticles } from '../../src/newsml-g2/to-article.js';
import type { ArticleBody, ParseContext } from '../../src/parsed-article.js';
import { decodeBytes } from '../../src/text/decode-bytes.js';
import { parseXml, type XmlNode } from '../../src/xml/parse-xml.js';

export const testContext: ParseContext = {
  feedId: 'test-g2',
  fetchedAt: '2024-01-01T00:00:00.000Z',
};

export interface LoadedG2 {
  text: string;
  root: string;
  node: XmlNode;
  items: G2Item[];
  articles: ReturnType<typeof cleanArticle>[];
  warnings: string[];
}

export function readXmlText(path: string): string {
  return decodeBytes(readFileSync(path)).text;
}

/** Decodes with the document text (bodies as written) unless `withText` is false. */
export function loadG2(path: string, { withText = true } = {}): LoadedG2 {
  const text = readXmlText(path);
  const tree = parseXml(text).tree;
  const root = Object.keys(tree).find((key) => !key.startsWith('?'));
  if (root === undefined) throw new Error(`${path} has no root element`);
  const node = tree[root] as XmlNode;
  const items = decodeNewsMlG2(root, node, withText ? text : undefined);
  const mapped = newsMlG2ToArticles(items, testContext);
  // The body's markup is read as parseDocument reads it, in the cleaning every article goes through.
  return { text, root, node, items, ...mapped, articles: mapped.articles.map(cleanArticle) };
}

const iptcValidator = createIptcNinjsValidator();

/** What IPTC's ninjs 3.1 schema and wire's zod schema say against the article, given a uri. */
export function ninjsProblems(article: ArticleBody): string[] {
  const document = { ...article, uri: 'urn:test:x' };
  const zod = ninjsSchema.safeParse(document);
  const zodProblems = zod.success
    ? []
    : zod.error.issues.map((issue) => `zod /${issue.path.join('/')} ${issue.message}`);
  return [...iptcValidator(document), ...zodProblems];
}
