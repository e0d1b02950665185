// markupToHtml keeps, as the HTML grows, whether it ends in a space and whether a
// <pre> is open, and reads attributes only when a rule asks: it must write what the
// writer that asked the whole HTML and every open element at each text wrote.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nitfBodyHtml } from '../../src/nitf/body-html.js';
import {
  escapeHtml,
  markupToHtml,
  type Replacement,
  type TagRule,
} from '../../src/nitf/markup-to-html.js';
import { localName, parseAttributes, xmlTokens } from '../../src/xml/raw-xml.js';

/** The writer as it was: the oracle. */
function markupToHtmlAsBefore(
  xml: string,
  rule: (name: string, attributes: Record<string, string>) => Replacement,
): string {
  const open: { name: string; close: string; drops: boolean }[] = [];
  let dropping = 0;
  let html = '';
  for (const token of xmlTokens(xml)) {
    if (token.kind === 'text') {
      const inPre = open.some((element) => localName(element.name).toLowerCase() === 'pre');
      let text = inPre ? token.text : token.text.replace(/\s+/g, ' ');
      if (!inPre && text.startsWith(' ') && /\s$/.test(html)) text = text.slice(1);
      if (dropping === 0) html += text;
    } else if (token.kind === 'cdata') {
      if (dropping === 0) html += escapeHtml(token.text);
    } else if (token.kind === 'open') {
      const replacement = rule(
        localName(token.name).toLowerCase(),
        parseAttributes(token.attributes),
      );
      if (dropping === 0) html += replacement.open;
      if (token.selfClosing) {
        if (dropping === 0) html += replacement.close;
        continue;
      }
      const drops = replacement.dropContent === true;
      open.push({ name: token.name, close: replacement.close, drops });
      if (drops) dropping++;
    } else {
      while (open.length > 0) {
        const closed = open.pop();
        if (closed?.drops) dropping--;
        if (dropping === 0) html += closed?.close ?? '';
        if (closed?.name === token.name) break;
      }
    }
  }
  return html;
}

// A rule of every kind: kept with an attribute, empty opening, dropped, unwrapped.
const rule = (name: string, attributes: Record<string, string>): Replacement => {
  if (name === 'a') return { open: `<a href="${attributes.href ?? ''}">`, close: '</a>' };
  if (name === 'x') return { open: ' ', close: '\n' };
  if (name === 'media-object') return { open: '', close: '', dropContent: true };
  if (name === 'br') return { open: '<br>', close: '' };
  if (name === 'p' || name === 'pre') return { open: `<${name}>`, close: `</${name}>` };
  return { open: '', close: '' };
};
const lazyRule: TagRule = (name, attributes) => rule(name, attributes());

const text = fc.constantFrom('', ' ', '  a ', 'b', '\n\t c\n', 'd  e', '&amp; ', ' ');
const names = fc.constantFrom('p', 'pre', 'PRE', 'n:pre', 'a', 'x', 'media-object', 'br', 'em');
const fragment: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.constant('<![CDATA[ <c> ]]>'),
    fc.constant('<!-- <p> -->'),
    names.map((name) => `<${name} href="h&amp;1"/>`),
    fc
      .tuple(names, fc.array(tie('node'), { maxLength: 4 }))
      .map(([name, children]) => `<${name} href="u">${children.join('')}</${name}>`),
  ),
})).node;

describe('markupToHtml', () => {
  it('writes what the writer that asked the whole HTML at each text wrote', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 6 }), (parts) => {
        const xml = parts.join('');
        expect(markupToHtml(xml, lazyRule)).toBe(markupToHtmlAsBefore(xml, rule));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a pre block as written and collapses space elsewhere, once after a space', () => {
    expect(nitfBodyHtml('<p> a \n b </p> \n <pre> x\n  y </pre>')).toBe(
      '<p> a b </p> <pre> x\n  y </pre>',
    );
  });
});
