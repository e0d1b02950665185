import { describe, expect, it } from 'vitest';
import { expectValidNinjs, fixture, only } from './parse-newsml.js';

describe('newsMl1ToArticle on the AFP sample (text with NITF content)', () => {
  const parsed = only(fixture('ninjs/agency_samples_xml/afp.com_newsml1.2_sample.xml'));
  const { article, source } = parsed;
  const [html, text] = article.bodies ?? [];

  it('reads identity, revision, dates, status and urgency', () => {
    expect(source.guid).toBe('urn:newsml:afp.com:20210516T080625Z:TX-PAR-WGF71');
    expect(source.version).toBe('1');
    expect(article.firstCreated).toBe('2021-05-16T08:06:25.000Z');
    expect(article.versionCreated).toBe('2021-05-16T08:06:25.000Z');
    expect(article.pubStatus).toBe('usable');
    expect(article.urgency).toBe(4);
    expect(parsed.signal).toBe('none');
  });

  it('reads the news lines: headline, dateline place, advisory and the creator as byline', () => {
    expect(article.headlines).toEqual([
      { role: 'main', value: 'Israel strikes key Hamas targets as UN Security Council to meet' },
    ]);
    expect(article.located).toBe('Gaza City, Palestinian Territories');
    expect(source.attn).toBe(
      'RECASTS with attack on Hamas targets, RAISES Gaza death toll, UPDATES throughout',
    );
    expect(article.edNote).toBe(source.attn);
    expect(article.by).toBe('Adel Zaanoun with Guillaume Lavallee in Jerusalem');
    expect(article.language).toBe('en');
  });

  it('maps subject codes to IPTC URIs, plain keywords to subjects and genres by name', () => {
    expect(article.subjects?.slice(0, 2)).toEqual([
      { uri: 'http://cv.iptc.org/newscodes/subjectcode/16000000' },
      { uri: 'http://cv.iptc.org/newscodes/subjectcode/16002000' },
    ]);
    expect(article.subjects).toHaveLength(9);
    expect(article.subjects).toContainEqual({ name: 'Palestinians', rel: 'keyword' });
    expect(article.subjects).not.toContainEqual({ name: 'Joe Biden', rel: 'keyword' });
    expect(article.genres).toEqual([{ name: 'Article' }, { name: 'Update' }]);
  });

  it('converts the NITF body, hl2 included, without the empty spacer paragraphs', () => {
    expect(html?.value).toMatch(/^<p>Israel's army said Sunday it had bombed the home/);
    expect(html?.value).toContain('<h2>- Media offices destroyed -</h2>');
    expect(html?.value).not.toContain('<p></p>');
    expect(text?.value).toMatch(/bur-dar-gl\/fz$/);
    expect(text?.wordCount).toBeGreaterThan(1000);
    expectValidNinjs(parsed);
  });
});

describe('newsMl1ToArticle on the Business Wire releases (XHTML content, photos, logo, video)', () => {
  const dell = only(fixture('ninjs/examples/NewsML/businesswire-newsml-20130515006361.xml'));
  const applebees = only(fixture('ninjs/examples/NewsML/businesswire-newsml-20130731006140.xml'));

  it('takes the headline from the news lines and the SubHeadLine component as a sub headline', () => {
    expect(dell.article.headlines?.[0]).toEqual({
      role: 'main',
      value:
        'Dell Redefines Workstation Computing Boundaries with Smallest Tower and Most Powerful Rack Workstations',
    });
    expect(dell.article.headlines?.[1]?.role).toBe('sub');
    expect(dell.article.headlines?.[1]?.value).toMatch(
      /^Offering powerful workstation performance/,
    );
    expect(dell.article.slugline).toBe('TX-DELL');
    expect(dell.article.copyrightNotice).toBe('Copyright Business Wire 2013');
    expect(dell.article.located).toBe('ROUND ROCK, Texas');
  });

  it('builds the guid from the PublicIdentifier without its revision', () => {
    expect(dell.source.guid).toBe('urn:newsml:businesswire.com:20010714:20130515006361');
    expect(dell.source.version).toBe('1');
  });

  it('uses the Body component only: no headline, contact or style sheet text in the body', () => {
    const html = dell.article.bodies?.[0]?.value ?? '';
    expect(html).toMatch(/^<p> ?<a href="http:\/\/www.dell.com">Dell<\/a> today announced/);
    expect(html).not.toContain('lauren_mauro@dell.com');
    expect(html).not.toContain('bwlistitemmargb');
  });

  it('turns logo and photo components into associations with named renditions and captions', () => {
    const associations = dell.article.associations ?? [];
    expect(associations.map((a) => [a.name, a.type])).toEqual([
      ['logo', 'graphic'],
      ['photo', 'picture'],
      ['photo-2', 'picture'],
    ]);
    expect(associations[0]?.renditions?.[0]).toEqual({
      name: 'thumbnail',
      href: 'http://mms.businesswire.com/media/newsItemId/en/221373/2/dell_blue_rgb.jpg',
      contentType: 'image/jpeg',
      width: 70,
      height: 70,
    });
    expect(associations[2]?.renditions?.map((r) => r.name)).toEqual([
      'thumbnail',
      'viewimage',
      'lowres',
      'highres',
    ]);
    expect(associations[2]?.descriptions?.[0]?.value).toMatch(
      /^Offering powerful workstation performance at about desktop PC prices/,
    );
  });

  it('types a component with video files as video and names its main file as uri', () => {
    const video = applebees.article.associations?.[0];
    expect(video?.type).toBe('video');
    expect(video?.uri).toBe(
      'http://mms.businesswire.com/media/newsItemId/en/377719/11/1730461_Lunch_Decoy_Extended_WMV+1Mbps.wmv',
    );
    expect(video?.renditions).toHaveLength(6);
    expect(new Set(video?.renditions?.map((r) => r.name)).size).toBe(6);
  });

  it('produces articles that validate against IPTC ninjs 3.1', () => {
    expectValidNinjs(dell);
    expectValidNinjs(applebees);
  });
});
