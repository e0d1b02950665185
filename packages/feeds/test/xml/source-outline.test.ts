// The outline the XML pass records stands for a scan of the text (raw-xml.ts): over
// every document of the corpora, each outlined name's outermost elements, and
// what the NITF and NewsML-G2 decoders cut from the outline, equal what the scan finds.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, repoRoot, samplesDir } from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import { decodeNewsMlG2, g2OutlinedNames } from '../../src/newsml-g2/decode.js';
import { inlineXmlByItem, inlineXmlFromOutline } from '../../src/newsml-g2/inline-source.js';
import { decodeNitf, nitfOutlinedNames } from '../../src/nitf/decode.js';
import { decodeBytes } from '../../src/text/decode-bytes.js';
import { parseXml, type XmlNode } from '../../src/xml/parse-xml.js';
import { findRawElements } from '../../src/xml/raw-xml.js';
import { repairXml } from '../../src/xml/repair-xml.js';
import { outermost, rawElementOf, wholeText } from '../../src/xml/source-outline.js';

function* xmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* xmlFiles(path);
    else if (/\.(xml|rss|atom|rdf)$/i.test(name)) yield path;
  }
}

const names = new Set([...nitfOutlinedNames, ...g2OutlinedNames]);

/** Every XML document of the corpora and agency fixtures that the fast path reads, with its outline. */
const roots = [
  corpusDir,
  samplesDir,
  join(repoRoot, 'samples'),
  join(repoRoot, 'services/normalizer/test/fixtures'),
];
const outlined = roots.flatMap((root) =>
  [...xmlFiles(root)].flatMap((path) => {
    let text: string;
    try {
      text = repairXml(decodeBytes(readFileSync(path)).text).text;
    } catch {
      return [];
    }
    try {
      const { tree, outline } = parseXml(text, names);
      return outline === undefined ? [] : [{ path: path.slice(root.length + 1), tree, outline }];
    } catch {
      return [];
    }
  }),
);

describe('the outline of the XML pass', () => {
  it('is recorded for the documents of the corpora that the fast path reads', () => {
    expect(outlined.length).toBeGreaterThan(1000);
    const nitf = outlined.filter(({ tree }) => 'nitf' in tree);
    const g2 = outlined.filter(({ tree }) => 'newsItem' in tree || 'newsMessage' in tree);
    expect(nitf.length).toBeGreaterThan(20);
    expect(g2.length).toBeGreaterThan(150);
  });

  it('finds the elements of each outlined name that a scan of the text finds', () => {
    const differ: string[] = [];
    for (const { path, outline } of outlined) {
      for (const name of names) {
        const cut = outermost(outline, name, wholeText(outline)).map((element) =>
          rawElementOf(outline, element),
        );
        const scanned = findRawElements(outline.text, name);
        if (JSON.stringify(cut) !== JSON.stringify(scanned)) differ.push(`${path} ${name}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it("gives NewsML-G2's inlineXML per item as the scan of the text does", () => {
    const differ = outlined.filter(({ outline }) => {
      const cut = [...inlineXmlFromOutline(outline)];
      return JSON.stringify(cut) !== JSON.stringify([...inlineXmlByItem(outline.text)]);
    });
    expect(differ.map(({ path }) => path)).toEqual([]);
  });

  it('decodes every NITF and NewsML-G2 document as the scan of the text does', () => {
    const differ: string[] = [];
    for (const { path, tree, outline } of outlined) {
      for (const [root, value] of Object.entries(tree)) {
        const node = (Array.isArray(value) ? value[0] : value) as XmlNode;
        const decode =
          root === 'nitf'
            ? (withOutline: boolean) =>
                decodeNitf(node, outline.text, withOutline ? outline : undefined)
            : ['newsItem', 'packageItem', 'newsMessage'].includes(root)
              ? (withOutline: boolean) =>
                  decodeNewsMlG2(root, node, outline.text, withOutline ? outline : undefined)
              : undefined;
        if (decode === undefined) continue;
        if (JSON.stringify(decode(true)) !== JSON.stringify(decode(false))) differ.push(path);
      }
    }
    expect(differ).toEqual([]);
  });
});
