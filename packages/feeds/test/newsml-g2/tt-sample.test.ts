import { join } from 'node:path';
import { corpusDir } from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import { loadG2, ninjsProblems } from './load-g2.js';

// TT's NewsML-G2 sample has no ninjs pair to compare with; these values are read off the XML.
const loaded = loadG2(join(corpusDir, 'ninjs/agency_samples_xml/TT_newsmlg2_sample.xml'));
const [pkg, text, picture] = loaded.articles;

describe("TT's news message: a package, its text and its picture", () => {
  it('gives three articles, all valid ninjs', () => {
    expect(loaded.articles.map((a) => a.article.type)).toEqual(['composite', 'text', 'picture']);
    for (const { article } of loaded.articles) expect(ninjsProblems(article)).toEqual([]);
  });

  it('makes the package a composite associating the text and the picture', () => {
    expect(pkg?.source.guid).toBe('http://tt.se/media/text/210919-janguillou-879f202b-pack');
    expect(pkg?.article.associations?.map((a) => [a.uri, a.rel])).toEqual([
      ['http://tt.se/media/text/210919-janguillou-879f202b', 'main'],
      ['http://tt.se/media/image/sdlm1btzmKu8WU', 'package'],
    ]);
  });

  it('keeps the Swedish text with its subjects, urgency and body in document order', () => {
    const article = text?.article;
    expect(article?.headlines?.[0]?.value).toBe('Jan Guillou skriver på ny "Hamilton"-bok');
    expect(article?.urgency).toBe(3);
    expect(article?.language).toBe('sv');
    expect(article?.versionCreated).toBe('2021-09-19T18:57:43.000Z');
    expect(article?.subjects?.[0]).toEqual({
      name: 'Litteratur',
      uri: 'http://cv.iptc.org/newscodes/mediatopic/20000013',
    });
    expect(article?.subjects?.map((s) => s.name)).toContain('Aftonbladet');
    const html = article?.bodies?.[0]?.value ?? '';
    expect(html).toContain('skriver <a href="https://www.aftonbladet.se/');
    const plain = article?.bodies?.[1]?.value ?? '';
    expect(plain).toContain('"ett pensionärsäventyr", skriver Aftonbladet.\n\nHamilton har just');
    expect(plain.endsWith('om pensionärsduon framöver.')).toBe(true);
  });

  it('gives the picture its four renditions, naming the one without a rendition by position', () => {
    expect(picture?.article.renditions?.map((r) => [r.name, r.width])).toEqual([
      ['highRes', 4928],
      ['preview', 1024],
      ['rendition-3', 1024],
      ['thumbnail', 256],
    ]);
    expect(picture?.warnings).toEqual(['newsItem has no headline']);
  });
});
