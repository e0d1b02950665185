// The DOM sanitizer against sanitize-html, the library it stands in for: on every
// body in the feed-library corpora, the hostile cases and generated markup, the
// DOM made safe in place renders exactly as sanitize-html's output does once
// parsed and rendered the same way (which is what the article carried before).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '@wire/testkit';
import render from 'dom-serializer';
import fc from 'fast-check';
import { decode } from 'html-entities';
import { parseDocument } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';
import { describe, expect, it } from 'vitest';
import { limitNesting } from '../../src/text/limit-nesting.js';
import {
  allowedAttributes,
  allowedTags,
  sanitizeDom,
  schemes,
} from '../../src/text/sanitize-dom.js';

// sanitize-html set with the same allow-list: the library the DOM sanitizer stands in for.
const libraryOptions: sanitizeHtml.IOptions = {
  allowedTags: [...allowedTags],
  allowedAttributes: Object.fromEntries(
    Object.entries(allowedAttributes).map(([tag, names]) => [tag, [...names]]),
  ),
  ...schemes,
};

const rendered = (html: string) =>
  render(parseDocument(html).children, { encodeEntities: 'utf8' }).trim();

const byLibrary = (html: string) => rendered(sanitizeHtml(limitNesting(html), libraryOptions));

function byDom(html: string): string {
  const document = parseDocument(limitNesting(html));
  sanitizeDom(document);
  return render(document.children, { encodeEntities: 'utf8' }).trim();
}

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(xml|rss|atom|rdf)$/i.test(name)) yield path;
  }
}

// Bodies as feeds carry them: description, content:encoded, Atom content and
// summary, CDATA or escaped.
const bodyElement = /<(description|content:encoded|content|summary)\b[^>]*>([\s\S]*?)<\/\1>/g;

function corpusBodies(): string[] {
  const bodies: string[] = [];
  for (const path of files(join(corpusDir, 'feed-libs'))) {
    const text = readFileSync(path, 'latin1');
    for (const [, , inner = ''] of text.matchAll(bodyElement)) {
      const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(inner);
      const body = cdata ? (cdata[1] ?? '') : decode(inner);
      if (/<[a-z]/i.test(body)) bodies.push(body);
    }
  }
  return bodies;
}

const hostile = [
  '<p>Hello</p><script>alert(1)</script>',
  '<iframe src="https://evil.example/"></iframe><p>x</p>',
  '<img src="x" onerror="alert(3)"><p onclick="alert(4)" style="color:red">styled</p>',
  '<a href="javascript:alert(6)">js</a><a href="JaVaScRiPt:alert(7)">mixed</a><a href="jav&#x09;ascript:alert(8)">tab</a><a href="  javascript:alert(9)">space</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD4=">data</a><img src="data:image/svg+xml,x"><a href="vbscript:x">vb</a>',
  '<svg><script>alert(12)</script></svg><math><mi xlink:href="javascript:alert(13)">m</mi></math>',
  '<object data="x"></object><embed src="x"><form action="javascript:alert(14)"><input onfocus="alert(15)" autofocus></form>',
  '<noscript><p title="</noscript><img src=x onerror=alert(16)>"></noscript><style>body{}</style>',
  '<xmp><script>alert(17)</script></xmp><textarea><b>t</b></textarea><select><option>o</option></select>',
  '<a href="//evil.example/">protocol-relative</a><img src="\\\\evil.example\\x"><a href="">empty</a><img alt="" src="https://ok.example/p.jpg" width="">',
  '<!-- a comment --><![CDATA[ cdata ]]><?pi x?><!DOCTYPE html><p>after</p>',
  '<p>unclosed <b>bold <i>both</p> tail',
  '<table><tr><td>a<td>b</table><dl><dt>t<dd>d</dl>',
];

describe('sanitizeDom', () => {
  it('makes every corpus body exactly what sanitize-html makes of it', () => {
    const bodies = corpusBodies();
    expect(bodies.length).toBeGreaterThan(500);
    const differing = bodies.filter((body) => byDom(body) !== byLibrary(body));
    expect(differing.slice(0, 3).map((body) => [byDom(body), byLibrary(body)])).toEqual([]);
  });

  it('makes every hostile body exactly what sanitize-html makes of it', () => {
    for (const body of hostile) expect(byDom(body), body).toBe(byLibrary(body));
  });

  it("drops an iframe's raw fallback content, which sanitize-html would let through as markup", () => {
    expect(byLibrary('<iframe><p>fallback</p></iframe><p>story</p>')).toBe(
      '<p>fallback</p><p>story</p>',
    );
    expect(byDom('<iframe><p>fallback</p></iframe><p>story</p>')).toBe('<p>story</p>');
  });

  it('agrees with sanitize-html on generated markup', () => {
    const tag = fc.constantFrom(
      'p',
      'b',
      'a',
      'img',
      'script',
      'style',
      'div',
      'span',
      'td',
      'li',
      'xmp',
      'option',
      'noscript',
      'svg',
      'br',
      'figure',
      'figcaption',
    );
    const attribute = fc.tuple(
      fc.constantFrom('href', 'src', 'alt', 'title', 'onclick', 'style', 'width', 'class'),
      fc.constantFrom(
        '',
        'https://a.example/x',
        'javascript:x',
        '//b.example',
        'x.jpg',
        '1',
        'mailto:a@b',
        ' java\tscript:y',
      ),
    );
    const piece = fc.oneof(
      fc
        .tuple(tag, fc.array(attribute, { maxLength: 3 }))
        .map(([name, attrs]) => `<${name}${attrs.map(([a, v]) => ` ${a}="${v}"`).join('')}>`),
      tag.map((name) => `</${name}>`),
      fc.constantFrom('text', ' ', '&amp;', '&lt;b&gt;', '<!-- c -->', 'é', '<', '>'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
        const html = pieces.join('');
        // Unwrapping a foreign element (<td><svg><td>) can leave nesting that a
        // parser restructures; read once more, the two are the same markup.
        expect(rendered(byDom(html))).toBe(byLibrary(html));
      }),
      { numRuns: 500 },
    );
  });
});
