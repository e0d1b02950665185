// Properties of parseDocument over generated input (fast-check, 100 runs each):
// it throws nothing but ParseError, well-formed RSS round-trips titles and guids,
// and the same bytes always give the same result.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError, type ParseResult } from '../../src/index.js';
import { parse } from './hostile-helpers.js';

const runs = { numRuns: 100 };

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A parse's outcome as data: its result, or the code of its ParseError; anything else is thrown. */
function outcome(input: string | Uint8Array): ParseResult | string {
  try {
    return parse(input);
  } catch (err) {
    if (err instanceof ParseError) return err.code;
    throw err;
  }
}

// Pieces that make a generated string look like a feed, so it reaches past the XML check.
const xmlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '<rss version="2.0">',
        '</rss>',
        '<channel>',
        '</channel>',
        '<item>',
        '</item>',
        '<title>',
        '</title>',
        '<guid>',
        '</guid>',
        '<description>',
        '</description>',
        '<![CDATA[<p onclick="x">',
        ']]>',
        '<!DOCTYPE rss [<!ENTITY a "b">]>',
        '&amp;',
        '&#0;',
        '&#xD800;',
        '&lt;script&gt;',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        '<entry>',
        '</entry>',
        '<__proto__>',
        '</__proto__>',
        '<pubDate>Fri, 31 Dec 9999 23:59:59 GMT</pubDate>',
      ),
      fc.string(),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

// Text a headline keeps as it is: words of letters and digits, no wire prefix.
const word = fc.stringMatching(/^[A-Za-z0-9À-ÿ가-힣.,:;!?'"/-]{1,12}$/);
const titleText = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));
// A guid: any printable text, markup characters included, no blanks at its ends.
const guidText = fc.string({
  unit: fc.constantFrom(...Array.from('abcXYZ019<>&"\'/:?#=%é한😀')),
  minLength: 1,
  maxLength: 40,
});

describe('parseDocument on generated input', () => {
  it('throws nothing but ParseError for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), xmlish), (text) => {
        expect(() => outcome(text)).not.toThrow();
      }),
      runs,
    );
  });

  it('throws nothing but ParseError for arbitrary bytes, alone or inside a feed', () => {
    const wrapped = fc
      .uint8Array({ maxLength: 2_000 })
      .map((bytes) =>
        Buffer.concat([
          Buffer.from('<rss version="2.0"><channel><item><title>'),
          bytes,
          Buffer.from('</title><guid>g</guid></item></channel></rss>'),
        ]),
      );
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 2_000 }), wrapped), (bytes) => {
        expect(() => outcome(bytes)).not.toThrow();
      }),
      runs,
    );
  });

  it('round-trips the titles and guids of well-formed RSS items, in order', () => {
    const items = fc.array(fc.record({ title: titleText, guid: guidText }), {
      minLength: 1,
      maxLength: 20,
    });
    fc.assert(
      fc.property(items, (generated) => {
        const xml = generated
          .map(
            ({ title, guid }) =>
              `<item><title>${escapeXml(title)}</title><guid isPermaLink="false">${escapeXml(guid)}</guid></item>`,
          )
          .join('');
        const result = parse(`<rss version="2.0"><channel><title>p</title>${xml}</channel></rss>`);
        expect(
          result.articles.map((a) => ({
            title: a.article.headlines?.[0]?.value,
            guid: a.source.guid,
          })),
        ).toEqual(generated);
      }),
      runs,
    );
  });

  it('gives the same result for the same bytes, every time', () => {
    const feed = fc
      .array(fc.record({ title: fc.string(), body: fc.string(), guid: fc.string() }), {
        maxLength: 10,
      })
      .map(
        (items) =>
          `<rss version="2.0"><channel><title>d</title>${items
            .map(
              (i) =>
                `<item><title>${escapeXml(i.title)}</title><guid>${escapeXml(i.guid)}</guid><description>${escapeXml(i.body)}</description></item>`,
            )
            .join('')}</channel></rss>`,
      );
    fc.assert(
      fc.property(fc.oneof(feed, xmlish), (text) => {
        expect(outcome(text)).toEqual(outcome(text));
      }),
      runs,
    );
  });
});
