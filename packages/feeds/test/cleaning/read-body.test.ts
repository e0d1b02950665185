// readBody reads the body's plain text from the tree once, before sanitizing and
// cleaning, and again only when either changed the tree: its text must be the
// text read afresh from the tree they leave, whatever the markup.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '@wire/testkit';
import { isTag } from 'domhandler';
import { findAll, removeElement } from 'domutils';
import fc from 'fast-check';
import { decode } from 'html-entities';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { cleanBodyDom } from '../../src/cleaning/clean-body.js';
import { readBody } from '../../src/cleaning/read-body.js';
import { domText, readsAsNothing } from '../../src/text/dom-text.js';
import { limitNesting } from '../../src/text/limit-nesting.js';
import { sanitizeDom } from '../../src/text/sanitize-dom.js';
import { textTokens } from '../../src/text/text-coverage.js';

function textReadAfresh(markup: string): string {
  const document = parseDocument(limitNesting(markup));
  sanitizeDom(document);
  cleanBodyDom(document);
  return domText(document.children);
}

const plainText = (markup: string) =>
  readBody(markup).bodies.find((b) => b.contentType === 'text/plain')?.value;

const bodies = [
  '<p>Nothing to take out.</p><p>Two paragraphs.</p>',
  '<p>Hello</p><script>alert(1)</script><noscript>hidden</noscript>',
  '<font>unwrapped</font><p>kept</p><o:p>office</o:p>',
  '<!-- a comment --><![CDATA[ cdata ]]><?pi x?><!DOCTYPE html><p>after</p>',
  '<p>SEOUL, Feb. 1 (Yonhap) -- Exports fell.</p><p>Last words. (Yonhap)</p>',
  '<p>마지막 문장이다. (끝)</p>',
  '<p>ATTN: ADDS quote</p><p>Story.</p><p>Share</p>',
  '<figure><img src="https://a.example/p.jpg"><figcaption>A caption</figcaption></figure><p>A caption</p>',
  '<div class="feedflare"><a href="https://feeds.feedburner.com/x">flare</a></div><p>story</p>',
];

describe('readBody', () => {
  it("counts the source text's coverage tokens only when it is the plain text", () => {
    expect(readBody('<p>Nothing to take out, 股市.</p>').sourceTokens).toBe(6);
    // A script, which no reader sees, taken out, or an inline element unwrapped:
    // the text stays the source's.
    expect(readBody('<p>Hello</p><script>alert(1)</script>').sourceTokens).toBe(1);
    expect(readBody('<p>Hello <font>world</font></p>').sourceTokens).toBe(2);
    // What the source shows and the article does not (a frame's fallback), or a
    // hidden part unwrapped into sight: not the source's text any more.
    expect(readBody('<p>Hello</p><iframe>fallback</iframe>').sourceTokens).toBeUndefined();
    expect(readBody('<p>Hello</p><noscript>shown</noscript>').sourceTokens).toBeUndefined();
  });

  it('gives the text read afresh after sanitizing and cleaning', () => {
    for (const body of bodies) expect(plainText(body), body).toBe(textReadAfresh(body));
  });

  it('gives the same on generated markup', () => {
    const tag = fc.constantFrom('p', 'b', 'div', 'span', 'li', 'td', 'br', 'figure', 'figcaption');
    const piece = fc.oneof(
      tag.map((name) => `<${name}>`),
      tag.map((name) => `</${name}>`),
      fc.constantFrom(
        'text',
        ' ',
        '\n',
        '&amp;',
        'Share',
        'ATTN: CORRECTS name',
        'WASHINGTON-- ',
        '(서울=연합뉴스) ',
        ' (Yonhap)',
        ' (끝)',
        '<script>x</script>',
        '<noscript>y</noscript>',
        '<font>z</font>',
        '<abbr>',
        '</abbr>',
        '<o:p>',
        '</o:p>',
        '<iframe>f</iframe>',
        '<xmp>x</xmp>',
        '<noembed>n</noembed>',
        '<style>s</style>',
        '<textarea>t</textarea>',
        '<select><option>o</option></select>',
        '<!-- c -->',
        '<img src="https://a.example/p.jpg" width="1" height="1">',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
        const html = pieces.join('');
        expect(plainText(html)).toBe(textReadAfresh(html));
        // The source's tokens, counted with the words when nothing was taken out,
        // are those of the source text.
        const { sourceText, sourceTokens } = readBody(html);
        if (sourceTokens !== undefined) expect(sourceTokens).toBe(textTokens(sourceText).length);
      }),
      { numRuns: 3_000 },
    );
  });
});

function* feedFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* feedFiles(path);
    else if (/\.(xml|rss|atom|rdf)$/i.test(name)) yield path;
  }
}

// Bodies as feeds carry them: description, content:encoded, Atom content and
// summary, CDATA or escaped.
const bodyElement = /<(description|content:encoded|content|summary)\b[^>]*>([\s\S]*?)<\/\1>/g;

function corpusBodies(): string[] {
  const found: string[] = [];
  for (const path of feedFiles(corpusDir)) {
    for (const [, , inner = ''] of readFileSync(path, 'utf8').matchAll(bodyElement)) {
      const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(inner);
      found.push(cdata ? (cdata[1] ?? '') : decode(inner));
    }
  }
  return found;
}

describe('readBody on the corpus', () => {
  const corpus = corpusBodies();

  it('gives the text read afresh after sanitizing and cleaning, on every corpus body', () => {
    expect(corpus.length).toBeGreaterThan(1_000);
    for (const body of corpus) {
      expect(plainText(body)).toBe(textReadAfresh(body));
      const { sourceText, sourceTokens } = readBody(body);
      if (sourceTokens !== undefined) expect(sourceTokens).toBe(textTokens(sourceText).length);
    }
  });

  it('leaves the text as it was when it takes out an element that reads as nothing, on every corpus element', () => {
    let taken = 0;
    for (const body of corpus) {
      const document = parseDocument(limitNesting(body));
      sanitizeDom(document);
      const before = domText(document.children);
      for (const element of findAll(isTag, document.children)) {
        if (!readsAsNothing(element) || element.parent === null) continue;
        removeElement(element);
        taken++;
        expect(domText(document.children)).toBe(before);
      }
    }
    expect(taken).toBeGreaterThan(500);
  });
});
