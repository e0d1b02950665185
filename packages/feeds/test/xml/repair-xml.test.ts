import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/index.js';
import { c1AsWindows1252, repairEndTags, repairXml } from '../../src/xml/repair-xml.js';

describe('repairXml', () => {
  it('escapes bare ampersands and counts them, leaving entity references alone', () => {
    expect(repairXml('<t>Fish & Chips &amp; more &lt;3 &#38; &#x26; ?a=1&copy=2</t>')).toEqual({
      text: '<t>Fish &amp; Chips &amp; more &lt;3 &#38; &#x26; ?a=1&amp;copy=2</t>',
      warnings: ['2 bare "&" escaped'],
    });
  });

  it('leaves CDATA sections and comments as they are', () => {
    const text = '<t><![CDATA[a & b]]></t><!-- c & d -->';
    expect(repairXml(text)).toEqual({ text, warnings: [] });
  });
});

describe('repairXml on CDATA beside text', () => {
  it('writes a CDATA section with text beside it as escaped text, so the spaces stay', () => {
    expect(repairXml('<d>Breaking: <![CDATA[<b>Big & News</b>]]> today</d>').text).toBe(
      '<d>Breaking: &lt;b&gt;Big &amp; News&lt;/b&gt; today</d>',
    );
  });

  it('leaves a CDATA section that is the whole content alone', () => {
    const text = '<d>\n  <![CDATA[<b>Big</b>]]>\n</d><e><![CDATA[a]]><![CDATA[b]]></e>';
    expect(repairXml(text).text).toBe(text);
  });
});

describe('repairEndTags', () => {
  it('closes the open element where an end tag names an element open nowhere', () => {
    expect(repairEndTags('<feed><title>T</subtitle><language>en</langauge></feed>')).toEqual({
      text: '<feed><title>T</title><language>en</language></feed>',
      warnings: ["2 misspelled end tags taken for the open element's"],
    });
  });

  it('gives up on nesting broken otherwise, and on a document with nothing to mend', () => {
    expect(repairEndTags('<a><b><c></b></a>')).toBeUndefined();
    expect(repairEndTags('<a><b></b></a>')).toBeUndefined();
  });

  it('lets parseDocument read a feed with a misspelled end tag, with a warning', () => {
    const feed =
      '<rss version="2.0"><channel><title>t</titel><item><title>Story</title></item></channel></rss>';
    const result = parseDocument(Buffer.from(feed), {
      feedId: 'f',
      fetchedAt: '2024-01-01T00:00:00.000Z',
    });
    expect(result.articles[0]?.article.headlines?.[0]?.value).toBe('Story');
    expect(result.warnings).toContain("1 misspelled end tag taken for the open element's");
  });
});

describe('repairXml on the C1 range', () => {
  it('reads C1 references and characters as windows-1252 does, as browsers do', () => {
    const { text, warnings } = repairXml('<t>don&#146;t &#128;5 &#x93;q&#X94; \u0096 &#129;x</t>');
    expect(text).toBe('<t>don’t €5 “q” – x</t>');
    expect(warnings).toEqual(['6 C1 characters read as windows-1252']);
  });

  it('maps what the one C1 pattern maps, whether the text holds a C1 character, a reference or neither', () => {
    // The mapping as one pattern over the whole text, the way it was written first:
    // the quick test for either half must not skip a text it would change.
    const windows1252 = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';
    const c1 = /&#(?:(1[2-5]\d)|[xX]0*([89][0-9a-fA-F]));|[\u0080-\u009f]/g;
    const byOnePattern = (text: string) =>
      text.replace(c1, (match, decimal?: string, hex?: string) => {
        const code = decimal
          ? Number(decimal)
          : hex
            ? Number.parseInt(hex, 16)
            : match.charCodeAt(0);
        if (code < 0x80 || code > 0x9f) return match;
        const char = windows1252[code - 0x80] as string;
        return char === '\u0000' ? '' : char;
      });
    const piece = fc.constantFrom(
      'a',
      ' ',
      '&#146;',
      '&#x93;',
      '&#X094;',
      '&#0150;',
      '&#160;',
      '&#15',
      '\u0096',
      '\u0081',
      '\u00a0',
      '&#128;',
      '&#x7f;',
      'é',
      '股',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = `<t>${pieces.join('')}</t>`;
        expect(c1AsWindows1252(text).text).toBe(byOnePattern(text));
      }),
      { numRuns: 3_000 },
    );
  });

  it('leaves references outside the C1 range alone', () => {
    const text = '<t>&#8217; &#127; &#160; &#x7f;</t>';
    expect(repairXml(text)).toEqual({ text, warnings: [] });
  });

  it('gives the apostrophe of a Latin-1 feed its place in the headline', () => {
    const feed = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><item>' +
        '<title>Minister won&#146;t quit</title><description>Caf\xe9 \x80 5</description></item></channel></rss>',
      'latin1',
    );
    const [item] = parseDocument(feed, {
      feedId: 'f',
      fetchedAt: '2024-01-01T00:00:00.000Z',
    }).articles;
    expect(item?.article.headlines?.[0]?.value).toBe('Minister won’t quit');
    expect(item?.article.bodies?.find((b) => b.contentType === 'text/plain')?.value).toBe(
      'Café € 5',
    );
  });
});
