// limitNesting returns markup with at most `maxDepth` tag openings untouched
// without reading its tags; the answer must be the one reading every tag gives.
// The oracle is the tag-by-tag pass alone, as it was before the shortcut.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { limitNesting } from '../../src/text/limit-nesting.js';

const tag = /<(\/?)([A-Za-z][^\s/>]*)[^>]*>/g;
const voids = new Set(['br', 'img', 'hr']);

function everyTagRead(html: string, maxDepth: number): string {
  let depth = 0;
  const limited = html.replace(tag, (whole, slash: string, name: string) => {
    if (voids.has(name.toLowerCase())) return whole;
    if (slash === '') return ++depth <= maxDepth ? whole : '';
    if (depth === 0) return whole;
    return --depth < maxDepth ? whole : '';
  });
  return limited;
}

const piece = fc.constantFrom(
  '<div>',
  '</div>',
  '<b class="x">',
  '</b>',
  '<br>',
  'text ',
  '<',
  '>',
);

describe('limitNesting', () => {
  it('gives what reading every tag gives, on generated markup around the limit', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 0, maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        (pieces, maxDepth) => {
          const html = pieces.join('');
          expect(limitNesting(html, maxDepth)).toBe(everyTagRead(html, maxDepth));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('keeps deep markup with few tags whole and cuts markup nested past the limit', () => {
    const shallow = `${'<p>x</p>'.repeat(500)}${'y'.repeat(5_000)}`;
    expect(limitNesting(shallow)).toBe(shallow);
    const deep = `${'<div>'.repeat(1_200)}x${'</div>'.repeat(1_200)}`;
    expect(limitNesting(deep)).toBe(everyTagRead(deep, 1_000));
    expect(limitNesting(deep)).not.toBe(deep);
  });
});
