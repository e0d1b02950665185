import fc from 'fast-check';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { domText } from '../../src/text/dom-text.js';
import { htmlToText } from '../../src/text/html.js';

// What htmlparser2 reads from the string, through the DOM: the text htmlToText
// gives without parsing when the string has no tag and no reference.
const readByParser = (html: string) => domText(parseDocument(html).children);

describe('htmlToText', () => {
  it('reads a string with no tag and no reference as the parser does', () => {
    const plain = fc
      .oneof(
        fc.string({ unit: 'binary' }),
        fc
          .array(
            fc.constantFrom(
              ' ',
              '\n',
              '\r',
              '\r\n',
              '\t',
              '\0',
              '\u00a0',
              '\ufeff',
              'a',
              '>',
              ';',
              '"',
            ),
            {
              maxLength: 30,
            },
          )
          .map((parts) => parts.join('')),
      )
      .map((text) => text.replace(/[<&]/g, ''));
    fc.assert(
      fc.property(plain, (text) => {
        expect(htmlToText(text)).toBe(readByParser(text));
      }),
      { numRuns: 3_000 },
    );
  });

  it('still parses what has a tag or a reference', () => {
    expect(htmlToText('Fish &amp; <b>Chips</b>')).toBe('Fish & Chips');
  });
});
