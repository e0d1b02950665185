import { describe, expect, it } from 'vitest';
import { findRawElements, hasElements, parseAttributes, rawText } from '../../src/nitf/raw-xml.js';

describe('findRawElements', () => {
  it('returns the outermost elements of a local name with nested ones of the same name inside', () => {
    const xml =
      '<a><x:note id="1">one <x:note>inner</x:note> end</x:note><note/><b><note>two</note></b></a>';
    expect(findRawElements(xml, 'note').map((element) => element.inner)).toEqual([
      'one <x:note>inner</x:note> end',
      '',
      'two',
    ]);
  });

  it('is not fooled by names that share a prefix, comments, CDATA or ">" inside attributes', () => {
    const xml =
      '<body.content-x>no</body.content-x><!-- <body.content>c</body.content> --><body.content a="1>2"><![CDATA[</body.content>]]>yes</body.content>';
    const [found, ...rest] = findRawElements(xml, 'body.content');
    expect(rest).toEqual([]);
    expect(found?.attributes).toEqual({ a: '1>2' });
    expect(found?.inner).toBe('<![CDATA[</body.content>]]>yes');
  });
});

describe('raw text helpers', () => {
  it('decode attribute values and text, keep CDATA as is and tell markup from text', () => {
    expect(parseAttributes(` href="a?b=1&amp;c=2" alt='it&apos;s' xml:lang="en"`)).toEqual({
      href: 'a?b=1&c=2',
      alt: "it's",
      'xml:lang': 'en',
    });
    expect(rawText('a &lt;b&gt; <i>c</i><![CDATA[ &amp; ]]>')).toBe('a <b> c &amp; ');
    expect(hasElements('&lt;p&gt;escaped&lt;/p&gt;')).toBe(false);
    expect(hasElements(' <p>real</p>')).toBe(true);
  });
});
