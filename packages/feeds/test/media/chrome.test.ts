import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/index.js';
import { feedBadges, isChromeImage } from '../../src/media/chrome.js';

const context = { feedId: 'f', fetchedAt: '2024-01-01T00:00:00.000Z' };
const escaped = (html: string) => html.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

describe('page chrome', () => {
  it.each([
    'http://feeds.feedburner.com/~ff/braingle/newteasers?d=yIl2AUoC8zA',
    'http://feeds.braingle.com/~ff/braingle/newteasers?i=x',
    'http://feeds.feedburner.com/~r/JN-ULTIMAS/~4/UBnb8Ra3Q1U',
    'https://feedproxy.google.com/~r/Site/~4/abc',
    'https://ad.doubleclick.net/ad/x.gif',
    'https://pixel.wp.com/b.gif?v=1',
    'https://example.com/images/spacer.gif',
    'https://example.com/1x1.png',
  ])('takes %s for chrome', (url) => {
    expect(isChromeImage(url)).toBe(true);
  });

  it('takes a 1×1 or 0×0 image for chrome whatever its address, and keeps real pictures', () => {
    expect(isChromeImage('https://example.com/a.jpg', '1', '1')).toBe(true);
    expect(isChromeImage('https://example.com/a.jpg', 0, 0)).toBe(true);
    expect(isChromeImage('https://example.com/a.jpg', '640', '1')).toBe(false);
    expect(isChromeImage('https://img.yna.co.kr/photo/2024/01/01/PYH2024.jpg')).toBe(false);
    expect(isChromeImage('https://example.com/pixels/sunset.jpg')).toBe(false);
  });

  it('finds the badge most items of a feed carry, and none in a feed of two', () => {
    const badge = 'https://example.com/logo.png';
    expect(feedBadges([[badge, 'a.jpg'], [badge], ['b.jpg'], [badge]])).toEqual(new Set([badge]));
    expect(feedBadges([[badge], [badge]])).toEqual(new Set());
  });

  it('keeps flare, share buttons and pixels out of bodies and associations', () => {
    const body = escaped(
      '<p>The story.</p><img src="https://example.com/story.jpg" alt="Story"/>' +
        '<div class="feedflare"><a href="http://feeds.example.com/~ff/x?a=1">' +
        '<img src="http://feeds.feedburner.com/~ff/x?d=1"/></a></div>' +
        '<img src="http://feeds.feedburner.com/~r/x/~4/abc" height="1" width="1"/>',
    );
    const feed = `<rss version="2.0"><channel><item><title>T</title><description>${body}</description></item></channel></rss>`;
    const [item] = parseDocument(Buffer.from(feed), context).articles;
    expect(item?.article.associations?.map((a) => a.uri)).toEqual([
      'https://example.com/story.jpg',
    ]);
    const html = item?.article.bodies?.find((b) => b.contentType === 'text/html')?.value ?? '';
    expect(html).toContain('The story.');
    expect(html).not.toMatch(/feedflare|~ff|~r\//);
  });

  it('leaves the picture most items of a feed carry out of their associations, with a warning', () => {
    const item = (n: number, picture: string) =>
      `<item><title>T${n}</title><guid>g${n}</guid><description>${escaped(`<p>Story ${n}.</p><img src="${picture}"/>`)}</description></item>`;
    const badge = 'https://example.com/badge.png';
    const feed = `<rss version="2.0"><channel>${item(1, badge)}${item(2, badge)}${item(3, 'https://example.com/own.jpg')}${item(4, badge)}</channel></rss>`;
    const { articles } = parseDocument(Buffer.from(feed), context);
    expect(articles.map((a) => (a.article.associations ?? []).map((p) => p.uri))).toEqual([
      [],
      [],
      ['https://example.com/own.jpg'],
      [],
    ]);
    expect(articles[0]?.warnings).toContain(
      'a picture most items of the feed carry taken for its badge',
    );
  });
});
