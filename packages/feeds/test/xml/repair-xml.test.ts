import { describe, expect, it } from 'vitest';
import { repairXml } from '../../src/xml/repair-xml.js';

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
