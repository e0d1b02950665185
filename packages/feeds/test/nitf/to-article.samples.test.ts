import { readFileSync } from 'node:fs';
import { corpusDir } from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/text/decode-bytes.js';
import { context, expectValidNinjs, parseNitf } from './parse-nitf.js';

describe('nitfToArticle on the NTB sample (NITF 3.6, Norwegian)', () => {
  const path = `${corpusDir}/ninjs/agency_samples_xml/NTB_nitf_sample.xml`;
  const parsed = parseNitf(decodeBytes(readFileSync(path)).text);
  const { article } = parsed;
  const [html, text] = article.bodies ?? [];

  it('reads headline, language, byline, dateline place, slug and urgency', () => {
    expect(article.headlines).toEqual([
      { role: 'main', value: 'Pandemien herjer på den legeløse indiske landsbygda' },
    ]);
    expect(article.language).toBe('nb-NO');
    expect(article.by).toBe('NTB-AFP-DPA');
    expect(article.located).toBe('Unnao');
    expect(article.slugline).toBe('india-korona-bygd');
    expect(article.urgency).toBe(5);
  });

  it('takes doc-id as guid and du-key@version as the source version', () => {
    expect(parsed.source).toEqual({
      format: 'nitf',
      guid: 'NTB5df9281a-a270-4dc5-a618-869bbc3bbca7_00',
      version: '1',
    });
    expect(parsed.signal).toBe('none');
  });

  it('reads a date.issue without offset as UTC and says so in a warning', () => {
    expect(article.versionCreated).toBe('2021-05-16T09:00:04.000Z');
    expect(parsed.warnings).toContain(
      'date.issue: no time zone in "2021-05-16T09:00:04", assumed UTC',
    );
  });

  it('maps tobject.subject refnums to IPTC subject code URIs and keywords to subjects', () => {
    expect(article.subjects).toEqual([
      { name: 'Sykdom', uri: 'http://cv.iptc.org/newscodes/subjectcode/07001000' },
      { name: 'Medisin og helse', uri: 'http://cv.iptc.org/newscodes/subjectcode/07000000' },
      { name: 'india-korona-bygd', rel: 'keyword' },
    ]);
    expect(article.genres).toEqual([{ name: 'Nyheter' }]);
  });

  it('turns hl2 into h2 and keeps the paragraphs in order, with entities decoded in the text', () => {
    expect(html?.contentType).toBe('text/html');
    expect(html?.value).toMatch(/^<p>Koronapandemien herjer også/);
    expect(html?.value).toContain('<h2>- Det skjulte India</h2>');
    expect(html?.value.indexOf('Det skjulte India')).toBeLessThan(
      html?.value.indexOf('Ingen fagfolk') ?? 0,
    );
    expect(text?.value).toContain('– Det er så mye fattigdom');
    expect(text?.wordCount).toBeGreaterThan(450);
  });

  it('keeps the picture caption in the body and leaves body.end out', () => {
    expect(html?.value).toMatch(/<figure>\s?<figcaption>Kremasjonsbål for koronaofre/);
    expect(html?.value).not.toContain('kenneth.kandolf.haug');
  });

  it('leaves out a picture whose reference is no URI, with a warning', () => {
    expect(article.associations).toBeUndefined();
    expect(parsed.warnings).toContain('picture "JsxLggxsoo4" has no URI; left out of associations');
  });

  it('produces an article that validates against IPTC ninjs 3.1', () => {
    expectValidNinjs(parsed);
  });
});

describe('nitfToArticle on NITF carried in NewsML-G2 inlineXML (LISTING 25)', () => {
  const path = `${corpusDir}/newsml-g2/examples/LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml`;
  const listing = decodeBytes(readFileSync(path)).text;
  const nitfPart = listing.slice(
    listing.indexOf('<nitf'),
    listing.indexOf('</nitf>') + '</nitf>'.length,
  );
  const parsed = parseNitf(nitfPart, { ...context, language: 'en' });
  const { article } = parsed;

  it('reads the headline across a line break and the byline title', () => {
    expect(article.headlines?.[0]?.value).toBe(
      'Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m.',
    );
    expect(article.by).toBe('Sports Network');
  });

  it('maps the abstract to a description and the body to one paragraph', () => {
    expect(article.descriptions?.[0]?.value).toMatch(
      /^A pair of teams coming off big weekend sweeps/,
    );
    expect(article.bodies?.[0]?.value).toMatch(
      /^<p>\(Sports Network\) - With the Philadelphia Phillies picking up/,
    );
    expect(article.bodies?.[1]?.value).toMatch(/clash of the Titans\.$/);
  });

  it('falls back to the feed language and warns about the missing doc-id', () => {
    expect(article.language).toBe('en');
    expect(parsed.source.guid).toBeUndefined();
    expect(parsed.warnings).toContain('document has no doc-id');
    expectValidNinjs(parsed);
  });
});

describe('nitfToArticle on the NITF embedded in the IPTC ninjs 3.0 ADDB example', () => {
  const path = `${corpusDir}/ninjs/examples/3.0/20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json`;
  const example = JSON.parse(readFileSync(path, 'utf8')) as { bodies: { value: string }[] };
  const parsed = parseNitf(example.bodies[0]?.value ?? '');

  it('reads a date-only date.issue with offset, and Media Topic refnums as Media Topic URIs', () => {
    expect(parsed.article.versionCreated).toBe('2008-02-18T23:00:00.000Z');
    expect(parsed.article.subjects).toContainEqual({
      name: 'drug abuse in sport',
      uri: 'http://cv.iptc.org/newscodes/mediatopic/20001105',
    });
    expect(parsed.article.copyrightHolder).toBe('The Anti-Doping Database');
  });

  it('drops block wrappers and keeps their paragraphs', () => {
    const html = parsed.article.bodies?.[0]?.value ?? '';
    expect(html).toMatch(/^<p>The Australian Sports Anti-Doping Authority \(ASADA\)/);
    expect(html).not.toContain('block');
    expect(html.match(/<p>/g)).toHaveLength(18);
    expectValidNinjs(parsed);
  });
});
