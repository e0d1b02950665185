import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import { decodeNewsMlG2 } from '../../src/newsml-g2/decode.js';
import { newsMlG2ToArticles } from '../../src/newsml-g2/to-article.js';
import { parseXml, type XmlNode } from '../../src/xml/parse-xml.js';
import { ninjsProblems, readXmlText, testContext } from './load-g2.js';

// Every NewsML-G2 file of the corpus, the schema's should_fail cases included:
// none may throw, and whatever articles come out must be valid ninjs.
const roots = [
  'newsml-g2/examples',
  'newsml-g2/unit_test_files',
  'newsml-g2/python-newsmlg2-test_files',
  'agency-wire/dpa-digitalwires/output',
  'ninjs/agency_samples_xml',
].map((dir) => join(corpusDir, dir));

const files = roots.flatMap((dir) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.xml'))
    .map((file) => join(dir, file)),
);

function treeOf(path: string): { root: string; node: XmlNode; text: string } | undefined {
  const text = readXmlText(path);
  let tree: XmlNode;
  try {
    tree = parseXml(text).tree;
  } catch {
    return undefined; // not well-formed: parse-xml's business, not the G2 decoder's
  }
  const root = Object.keys(tree).find((key) => !key.startsWith('?'));
  return root === undefined ? undefined : { root, node: tree[root] as XmlNode, text };
}

describe('the NewsML-G2 corpus sweep', () => {
  it('finds well over a hundred files to read', () => {
    expect(files.length).toBeGreaterThan(150);
  });

  it('decodes and maps every well-formed file without throwing, to valid ninjs only', () => {
    let articleCount = 0;
    const problems: string[] = [];
    for (const path of files) {
      const parsed = treeOf(path);
      if (!parsed) continue;
      for (const withText of [true, false]) {
        const items = decodeNewsMlG2(parsed.root, parsed.node, withText ? parsed.text : undefined);
        const { articles } = newsMlG2ToArticles(items, testContext);
        articleCount += articles.length;
        for (const { article } of articles) {
          problems.push(...ninjsProblems(article).map((problem) => `${path}: ${problem}`));
        }
      }
    }
    expect(problems).toEqual([]);
    expect(articleCount).toBeGreaterThan(100);
  });
});
