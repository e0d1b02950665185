// The cleaning reads the start of a block's text to rule out what its whole text
// could not be (boilerplate, an ATTN line, empty): on every body of the corpus,
// each answer read from the start is the one the whole text gives.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '@wire/testkit';
import { type Element, isTag } from 'domhandler';
import { findAll, getText } from 'domutils';
import fc from 'fast-check';
import { decode } from 'html-entities';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import {
  attnLine,
  attnOpening,
  attnSigns,
  boilerplate,
  boilerplateSigns,
} from '../../src/cleaning/clean-body.js';
import { isSpace, leadingText } from '../../src/cleaning/leading-text.js';
import { limitNesting } from '../../src/text/limit-nesting.js';
import { sanitizeDom } from '../../src/text/sanitize-dom.js';
import { collapseWhitespace } from '../../src/text/whitespace.js';

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
  for (const path of files(corpusDir)) {
    const text = readFileSync(path, 'utf8');
    for (const [, , inner = ''] of text.matchAll(bodyElement)) {
      const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(inner);
      bodies.push(cdata ? (cdata[1] ?? '') : decode(inner));
    }
  }
  return bodies;
}

/** Every element of the body as the cleaning sees it: parsed and made safe. */
function elementsOf(body: string): Element[] {
  const document = parseDocument(limitNesting(body));
  sanitizeDom(document);
  return findAll(isTag, document.children);
}

const signsIn = (text: string) => [...text].filter((c) => !/\s/.test(c)).length;

describe('leadingText', () => {
  it('takes as whitespace exactly what \\s matches, on every UTF-16 unit', () => {
    for (let code = 0; code < 0x10000; code++) {
      expect(isSpace(code), code.toString(16)).toBe(/\s/.test(String.fromCharCode(code)));
    }
  });

  it("reads the start of getText's text, and all of it only when that has no more signs", () => {
    const piece = fc.constantFrom(
      '<p>',
      '</p>',
      '<b>',
      '</b>',
      '<br>',
      ' ',
      '\n',
      'a',
      'ATTN',
      ':',
      '(',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), fc.nat({ max: 8 }), (pieces, signs) => {
        const [div] = parseDocument(`<div>${pieces.join('')}</div>`).children as Element[];
        const whole = getText(div as Element);
        const start = leadingText(div as Element, signs);
        expect(whole.startsWith(start.text)).toBe(true);
        expect(start.whole).toBe(signsIn(whole) <= signs);
        if (start.whole) expect(start.text).toBe(whole);
        else expect(signsIn(start.text)).toBe(signs);
      }),
      { numRuns: 2_000 },
    );
  });

  it('rules out only what the whole text rules out, on every element of every corpus body', () => {
    const bodies = corpusBodies();
    expect(bodies.length).toBeGreaterThan(1_000);
    let elements = 0;
    for (const body of bodies) {
      for (const element of elementsOf(body)) {
        elements++;
        const text = collapseWhitespace(getText(element));
        // Empty
        expect(leadingText(element, 0).whole).toBe(text === '');
        // Boilerplate: a text with more signs than the bound matches no pattern.
        if (!leadingText(element, boilerplateSigns).whole)
          expect(boilerplate.filter((pattern) => pattern.test(text))).toEqual([]);
        // An ATTN line opens as attnOpening reads the start of the text.
        if (attnLine.test(text))
          expect(attnOpening.test(leadingText(element, attnSigns).text)).toBe(true);
      }
    }
    expect(elements).toBeGreaterThan(10_000);
  });

  it('holds the boilerplate bound on the longest lines the patterns take', () => {
    const longest = [
      'published on : 1234567890/1234567890/12345678',
      '2023-12-11 16:02:38 来源：新华网新华网新华网新华网新华网新华网新华',
      '송고시간 2023-12-01 09:00:000',
    ];
    for (const line of longest) {
      expect(
        boilerplate.some((pattern) => pattern.test(line)),
        line,
      ).toBe(true);
      expect(signsIn(line)).toBeLessThanOrEqual(boilerplateSigns);
    }
  });

  it('reads an ATTN line in every case and spacing attnLine takes', () => {
    for (const line of ['ATTN: ADDS quote', ' ( attn :x)', '(ATTN:\nCORRECTS name)', 'Attn : x']) {
      const [p] = parseDocument(`<p>${line}</p>`).children as Element[];
      expect(attnLine.test(collapseWhitespace(getText(p as Element)))).toBe(true);
      expect(attnOpening.test(leadingText(p as Element, attnSigns).text), line).toBe(true);
    }
  });
});
