import { createIptcNinjsValidator } from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/index.js';

const context = { feedId: 'geo', fetchedAt: '2026-11-28T00:00:00.000Z' };
const feed = (item: string) =>
  Buffer.from(
    `<rss version="2.0" xmlns:georss="http://www.georss.org/georss" xmlns:geo="http://www.w3.org/2003/01/geo/wgs84_pos#"><channel><item><title>t</title><guid>g</guid>${item}</item></channel></rss>`,
  );

describe('GeoRSS and W3C Basic Geo', () => {
  it('turns georss:point into a GeoJSON point place, longitude first, valid for IPTC', () => {
    const [parsed] = parseDocument(
      feed('<georss:point>37.5665 126.978</georss:point>'),
      context,
    ).articles;
    expect(parsed?.article.places).toEqual([
      { geoJSON: { type: 'Point', coordinates: [126.978, 37.5665] } },
    ]);
    expect(createIptcNinjsValidator()({ uri: 'urn:test:x', ...parsed?.article })).toEqual([]);
  });

  it('reads geo:lat and geo:long, and ignores coordinates out of range', () => {
    const [w3c] = parseDocument(
      feed('<geo:lat>40.35</geo:lat><geo:long>-124.46</geo:long>'),
      context,
    ).articles;
    expect(w3c?.article.places?.[0]?.geoJSON?.coordinates).toEqual([-124.46, 40.35]);
    const [bad] = parseDocument(feed('<georss:point>95 200</georss:point>'), context).articles;
    expect(bad?.article.places).toBeUndefined();
  });
});
