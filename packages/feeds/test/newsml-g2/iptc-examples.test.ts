import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import type { ArticleBody } from '../../src/parsed-article.js';
import { loadG2, ninjsProblems } from './load-g2.js';

const examplesDir = join(corpusDir, 'newsml-g2/examples');
const example = (prefix: string) => {
  const file = readdirSync(examplesDir).find((name) => name.startsWith(prefix));
  if (!file) throw new Error(`no example ${prefix}`);
  return loadG2(join(examplesDir, file));
};
const medtop = (code: string) => `http://cv.iptc.org/newscodes/mediatopic/${code}`;
const plainBody = (article: ArticleBody) =>
  article.bodies?.find((body) => body.contentType === 'text/plain')?.value ?? '';

const itemExamples = [
  'LISTING_1_',
  'LISTING_2_',
  'LISTING_3_',
  'LISTING_3A_',
  'LISTING_4_',
  'LISTING_5_',
  'LISTING_6_',
  'LISTING_22_',
  'LISTING_24_',
  'LISTING_26_',
  'LISTING_29_',
  'ap_metadata_example',
  'Receiver View',
];

describe('every IPTC example news or package item', () => {
  it.each(itemExamples)('%s gives articles that IPTC ninjs 3.1 and wire accept', (prefix) => {
    const { articles } = example(prefix);
    expect(articles.length).toBeGreaterThan(0);
    for (const { article } of articles) expect(ninjsProblems(article)).toEqual([]);
  });
});

describe('IPTC text examples', () => {
  it('LISTING 1 keeps headline, embargo, update signal, edNote and expanded subjects', () => {
    const [parsed] = example('LISTING_1_').articles;
    const article = parsed?.article;
    expect(article?.headlines).toEqual([
      { role: 'main', value: 'Fed to halt QE to avert "bubble"' },
    ]);
    expect(article?.embargoedUntil).toBe('2018-10-23T12:00:00.000Z');
    expect(article?.versionCreated).toBe('2018-10-21T21:25:32.000Z');
    expect(parsed?.signal).toBe('update');
    expect(article?.edNote).toMatch(/^Note to editors: STRICTLY EMBARGOED\. .* 2018\.$/);
    expect(article?.subjects?.map((s) => s.uri)).toEqual([medtop('04000000'), medtop('20000523')]);
    expect(article?.genres).toEqual([
      { name: 'Interview', uri: 'http://cv.iptc.org/newscodes/genre/interview' },
    ]);
    expect(article?.located).toBe('Berlin');
    expect(article?.language).toBe('en-GB');
    expect(parsed?.warnings).toContain('text item has no body');
  });

  it('LISTING 2 takes the NITF body.content, not the body.head byline', () => {
    const article = example('LISTING_2_').articles[0]?.article;
    expect(article?.language).toBe('en-US');
    expect(article?.urgency).toBeUndefined();
    expect(article?.subjects?.map((s) => s.uri)).toEqual([
      medtop('04000000'),
      medtop('20000350'),
      medtop('20000379'),
    ]);
    const text = plainBody(article ?? {});
    expect(text).toMatch(/^\(New York, NY - October 21\) Et, sent luptat luptat, commy Nim/);
    expect(text).toContain('\n\nUgiating ea feugait utat');
    expect(text).not.toContain('Staff Reporter');
  });

  it('LISTING 22 keeps NITF paragraphs and keeps unknown sports QCodes as literals', () => {
    const [parsed] = example('LISTING_22_').articles;
    const article = parsed?.article;
    expect(article?.headlines?.[0]?.value).toBe(
      'Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m.',
    );
    expect(article?.slugline).toBe('AAV!PREVIEW-ARI-PHI');
    expect(article?.descriptions?.[0]?.role).toBe('summary');
    expect(article?.subjects?.[0]).toEqual({ name: 'sport', uri: medtop('20000822') });
    expect(article?.subjects).toContainEqual({
      name: 'Philadelphia Phillies',
      literal: 'team:l.mlb.com-t.19',
    });
    expect(parsed?.warnings).toContain(
      'unknown QCode scheme alias "team" (e.g. team:l.mlb.com-t.19); kept as a literal',
    );
    expect(article?.bodies?.[0]?.value.match(/<p>/g)).toHaveLength(6);
    expect(plainBody(article ?? {})).toMatch(/^\(Sports Network\) - A pair of teams/);
  });

  it('Receiver View keeps urgency 5, the trimmed rights holder and the body', () => {
    const article = example('Receiver View').articles[0]?.article;
    expect(article?.urgency).toBe(5);
    expect(article?.copyrightHolder).toBe('NAG');
    expect(article?.by).toBe('Meredith Jameson');
    expect(plainBody(article ?? {})).toContain('lum doloreet vulla.\n\nUgiating ea feugait utat');
  });

  it('LISTING 29 warns about the missing headline and body but maps the rest', () => {
    const [parsed] = example('LISTING_29_').articles;
    expect(parsed?.article.versionCreated).toBe('2018-10-19T20:15:00.000Z');
    expect(parsed?.article.copyrightHolder).toBeUndefined();
    expect(parsed?.warnings).toEqual(['newsItem has no headline', 'text item has no body']);
  });
});

describe('IPTC photo and video examples', () => {
  it('LISTING 3 gives three renditions and drops the relative hrefs with warnings', () => {
    const [parsed] = example('LISTING_3_').articles;
    const article = parsed?.article;
    expect(article?.type).toBe('picture');
    expect(article?.renditions?.map((r) => [r.name, r.width, r.height, r.href])).toEqual([
      ['highRes', 1500, 1001, undefined],
      ['web', 480, 320, undefined],
      ['thumb', 80, 53, 'file:///./GYI0062134533-thumb.gif'],
    ]);
    expect(parsed?.warnings.filter((w) => w.includes('is not an absolute URI'))).toHaveLength(2);
    expect(article?.descriptions?.[0]?.role).toBe('caption');
    expect(article?.by).toBe('Spencer Platt');
    expect(article?.subjects?.slice(0, 3)).toEqual([
      { literal: 'gyimeid:104530187' },
      { name: 'labour market', uri: medtop('20000523') },
      { name: 'unemployment', uri: medtop('20000533') },
    ]);
    expect(article?.subjects?.filter((s) => s.rel === 'keyword')).toHaveLength(7);
  });

  it('LISTING 3A names renditions from the rendition URI sibling attribute', () => {
    const article = example('LISTING_3A_').articles[0]?.article;
    expect(article?.renditions?.map((r) => r.name)).toEqual(['highRes', 'web', 'thumb']);
  });

  it('LISTING 4 gives three video renditions with hrefs and warns of no headline', () => {
    const [parsed] = example('LISTING_4_').articles;
    expect(parsed?.article.type).toBe('video');
    expect(parsed?.article.renditions?.map((r) => r.name)).toEqual(['dvd', 'HD1080', 'HD720']);
    expect(parsed?.article.renditions?.[1]?.href).toBe(
      'http://components.afp.com/3e353716caa.1920x1080.mp4',
    );
    expect(parsed?.article.descriptions?.map((d) => d.role)).toEqual(['synthe', 'script']);
    expect(parsed?.warnings).toContain('newsItem has no headline');
  });

  it('LISTING 5 reads the ISO-8859-1 file, both creators and the English genre name', () => {
    const article = example('LISTING_5_').articles[0]?.article;
    expect(article?.headlines?.[0]?.value).toBe('Loriot retrospective');
    expect(article?.renditions).toEqual([
      { name: 'avi25', href: 'http://www.example.com/video/407624.avi' },
    ]);
    expect(article?.by).toBe('Zweites Deutsches Fernsehen, Reuters Television Ltd');
    expect(article?.genres).toEqual([
      { name: 'Biography', uri: 'http://cv.iptc.org/newscodes/genre/biog' },
    ]);
    expect(article?.descriptions?.[0]?.value).toContain('Vicco von Bülow');
  });

  it('LISTING 26 keeps urgency 4, the caption and the one high-resolution rendition', () => {
    const article = example('LISTING_26_').articles[0]?.article;
    expect(article?.urgency).toBe(4);
    expect(article?.renditions).toHaveLength(1);
    expect(article?.renditions?.[0]?.width).toBe(2500);
    expect(article?.headlines?.[0]?.value).toMatch(/^A firefighter walks past .* San Bernardino$/);
    expect(article?.edNote).toBeUndefined();
    expect(article?.subjects?.[0]).toEqual({ literal: 'int001' });
  });

  it('the AP example names machine subjects from their assert elements', () => {
    const article = example('ap_metadata_example').articles[0]?.article;
    expect(article?.subjects?.map((s) => s.name)).toEqual([
      'Kentucky',
      'Keegan Murray',
      'Volkswagen AG',
    ]);
    expect(article?.subjects?.[0]?.literal).toBe('apgeography:2f6e294082b310048474df092526b43e');
  });
});
