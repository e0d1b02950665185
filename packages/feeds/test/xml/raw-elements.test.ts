// Inner XML taken from the source text, as Atom xhtml and NewsML inlineXML need it.
import { describe, expect, it } from 'vitest';
import { innerXmlOfAll, innerXmlOfChildren } from '../../src/xml/raw-elements.js';

describe('innerXmlOfAll', () => {
  it('gives the inner XML of each outermost element, nested ones inside it', () => {
    const xml = '<a><b>1<b>2</b></b><b/><b x="1">3</b></a>';
    expect(innerXmlOfAll(xml, 'b')).toEqual(['1<b>2</b>', '', '3']);
  });

  it('does not take markup inside CDATA sections or comments for elements', () => {
    const xml =
      '<feed><entry><content><![CDATA[<entry>not one</entry>]]></content></entry>' +
      '<!-- <entry>nor this</entry> --><entry><title>two</title></entry></feed>';
    const entries = innerXmlOfAll(xml, 'entry');
    expect(entries).toHaveLength(2);
    expect(entries[1]).toBe('<title>two</title>');
  });

  it('reads attributes that hold ">" and "/" without ending the tag there', () => {
    expect(innerXmlOfAll('<r><b t="a>b" u="c/">x</b></r>', 'b')).toEqual(['x']);
  });
});

describe('innerXmlOfChildren', () => {
  it('gives only direct children, not deeper elements of the same name', () => {
    const entry = '<source><title>source title</title></source><title>entry title</title>';
    expect(innerXmlOfChildren(entry, 'title')).toEqual(['entry title']);
    expect(innerXmlOfAll(entry, 'title')).toEqual(['source title', 'entry title']);
  });
});
