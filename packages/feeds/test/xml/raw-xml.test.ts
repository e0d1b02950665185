import { describe, expect, it } from 'vitest';
import { findRawElements, hasElements, parseAttributes, rawText } from '../../src/xml/raw-xml.js';

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

describe('findRawElements by qualified name', () => {
  it('does not take markup inside CDATA sections or comments for elements', () => {
    const xml =
      '<feed><entry><content><![CDATA[<entry>not one</entry>]]></content></entry>' +
      '<!-- <entry>nor this</entry> --><entry><title>two</title></entry></feed>';
    const entries = findRawElements(xml, 'entry', { qualified: true });
    expect(entries).toHaveLength(2);
    expect(entries[1]?.inner).toBe('<title>two</title>');
  });

  it('tells media:title from title', () => {
    const xml = '<media:title>m</media:title><title>t</title>';
    expect(findRawElements(xml, 'title', { qualified: true }).map((e) => e.inner)).toEqual(['t']);
    expect(findRawElements(xml, 'title').map((e) => e.inner)).toEqual(['m', 't']);
  });

  it('gives only direct children when asked, not deeper elements of the same name', () => {
    const entry = '<source><title>source title</title></source><title>entry title</title>';
    const children = findRawElements(entry, 'title', { qualified: true, childrenOnly: true });
    expect(children.map((e) => e.inner)).toEqual(['entry title']);
    expect(findRawElements(entry, 'title', { qualified: true }).map((e) => e.inner)).toEqual([
      'source title',
      'entry title',
    ]);
  });
});
