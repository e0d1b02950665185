// A document's meaning does not depend on the prefix its elements carry: every
// NewsML-G2 document we hold, rewritten with its IPTC elements under a prefix (as
// some agencies' systems write them), must parse to the same articles.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, repoRoot } from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/index.js';
import { childrenNamed, namesUnder } from '../../src/xml/namespaces.js';
import { xmlTokens } from '../../src/xml/raw-xml.js';

const g2Namespace = 'http://iptc.org/std/nar/2006-10-01/';

function xmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.xml'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The document with every element in the G2 default namespace moved under `prefix`. */
function prefixed(xml: string, prefix: string): string {
  // The default namespace in scope, one entry per open element.
  const scopes: string[] = [];
  let out = '';
  let last = 0;
  for (const token of xmlTokens(xml)) {
    if (token.kind !== 'open' && token.kind !== 'close') continue;
    out += xml.slice(last, token.start);
    last = token.end;
    const tag = xml.slice(token.start, token.end);
    if (token.kind === 'close') {
      const inG2 = scopes.pop() === g2Namespace && !token.name.includes(':');
      out += inG2 ? `</${prefix}:${token.name}>` : tag;
      continue;
    }
    const declared = /\sxmlns\s*=\s*["']([^"']*)["']/.exec(token.attributes)?.[1];
    const inScope = declared ?? scopes.at(-1) ?? '';
    if (!token.selfClosing) scopes.push(inScope);
    if (inScope !== g2Namespace || token.name.includes(':')) {
      out += tag;
      continue;
    }
    out += tag
      .replace(/^<([^\s/>]+)/, `<${prefix}:$1`)
      .replace(/\sxmlns\s*=\s*(["'])/, ` xmlns:${prefix}=$1`);
  }
  return out + xml.slice(last);
}

const context = { feedId: 'prefix-test', fetchedAt: '2024-01-01T00:00:00.000Z' };

const documents = [
  ...xmlFiles(join(corpusDir, 'newsml-g2')),
  ...xmlFiles(join(repoRoot, 'services/normalizer/test/fixtures/agency')),
]
  .map((path) => ({ path, xml: readFileSync(path, 'utf8') }))
  .filter(({ xml }) =>
    /<(newsMessage|newsItem|packageItem)\s[^>]*xmlns\s*=\s*["']http:\/\/iptc\.org\/std\/nar\/2006-10-01\/["']/.test(
      xml,
    ),
  );

function articlesOf(xml: string) {
  try {
    return parseDocument(Buffer.from(xml), context).articles;
  } catch (err) {
    return (err as Error).message;
  }
}

describe('NewsML-G2 elements under a prefix', () => {
  it('holds enough documents to mean something', () => {
    expect(documents.length).toBeGreaterThan(50);
  });

  it.each(documents.map((d) => [d.path.split('/').slice(-2).join('/'), d] as const))(
    '%s parses to the same articles with its elements prefixed',
    (_name, { xml }) => {
      const rewritten = prefixed(xml, 'ns0');
      expect(rewritten).toContain('<ns0:');
      expect(articlesOf(rewritten)).toEqual(articlesOf(xml));
    },
  );
});

describe('childrenNamed', () => {
  it('gives the children under each prefix in prefix order, repeated ones spread, with names built once', () => {
    const names = namesUnder(['a', 'b', '']);
    expect(names('id')).toBe(names('id'));
    expect(names('id')).toEqual(['a:id', 'b:id', 'id']);
    const node = { 'b:id': ['2', '3'], 'a:id': '1', id: '4', other: 'x' };
    expect(childrenNamed(node, names('id'))).toEqual(['1', '2', '3', '4']);
    expect(childrenNamed(node, names('none'))).toEqual([]);
  });
});
