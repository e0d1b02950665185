import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace, tidyText } from '../../src/text/whitespace.js';

// The rules written plainly, each gap replaced whether it needs it or not: the
// patterns that touch only what must change have to give the same text.
const tidyPlainly = (text: string) =>
  text
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
const collapsePlainly = (text: string) => text.replace(/\s+/g, ' ').trim();

const spacing = fc
  .array(
    fc.constantFrom(' ', '  ', '\n', '\n\n\n', '\t', '\r', '\u00a0', '\u3000', 'a', 'bc', '.'),
    {
      maxLength: 40,
    },
  )
  .map((parts) => parts.join(''));

describe('tidyText', () => {
  it('gives what replacing every gap gives', () => {
    fc.assert(
      fc.property(fc.oneof(spacing, fc.string()), (text) => {
        expect(tidyText(text)).toBe(tidyPlainly(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('keeps paragraphs, one empty line between them', () => {
    expect(tidyText(' One \t two. \n\n\n\n Three\u00a0 four \n')).toBe('One two.\n\nThree four');
  });
});

describe('collapseWhitespace', () => {
  it('gives what replacing every run gives', () => {
    fc.assert(
      fc.property(fc.oneof(spacing, fc.string()), (text) => {
        expect(collapseWhitespace(text)).toBe(collapsePlainly(text));
      }),
      { numRuns: 5_000 },
    );
  });
});
