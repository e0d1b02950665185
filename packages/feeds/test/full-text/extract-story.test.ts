// Full-text extraction as properties over every collected article page: the
// story's first and last paragraphs in, the page's chrome out, each caption once.
// The anchors were read off each page by hand (fixtures/article-pages/anchors.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractStory, readStory } from '../../src/full-text/extract-story.js';

interface PageAnchors {
  page: string;
  url: string;
  language: string;
  publisher: string;
  first: string;
  last: string;
  chrome: string[];
  captions: string[];
  /** The place of the story's dateline, read off the page; none when it has no dateline with a place. */
  located?: string;
  /** That dateline as the page writes it. */
  dateline?: string;
}

const pagesDir = join(import.meta.dirname, '../fixtures/article-pages');
const anchors: PageAnchors[] = JSON.parse(readFileSync(join(pagesDir, 'anchors.json'), 'utf8'));
const page = (file: string) => readFileSync(join(pagesDir, file), 'utf8');
const flat = (text: string) => text.replace(/\s+/g, ' ');
const occurrences = (text: string, part: string) => flat(text).split(flat(part)).length - 1;

// Chrome no page's story holds, whatever the site.
const anyPageChrome = [/back to top/i, /^advertisement$/im, /^share$/im, /<script/i];

describe.each(anchors)('$publisher ($language): $page', (anchor) => {
  const story = extractStory(page(anchor.page), anchor.url);

  it('finds a story with a body, its text and its headline', () => {
    expect(story).toBeDefined();
    expect(story?.bodyHtml).toMatch(/<p>/);
    expect(story?.text.length).toBeGreaterThan(40);
    expect(story?.headline).toBeTruthy();
    expect(story?.warnings.every((w) => typeof w === 'string')).toBe(true);
  });

  it("holds the story's first and last paragraphs", () => {
    expect(flat(story?.text ?? '')).toContain(flat(anchor.first));
    expect(flat(story?.text ?? '')).toContain(flat(anchor.last));
  });

  it("holds none of the page's chrome", () => {
    for (const phrase of anchor.chrome) expect(story?.text).not.toContain(phrase);
    for (const pattern of anyPageChrome) expect(story?.bodyHtml).not.toMatch(pattern);
  });

  it('keeps each caption at most once', () => {
    for (const caption of anchor.captions)
      expect(occurrences(story?.text ?? '', caption)).toBeLessThanOrEqual(1);
    for (const picture of story?.pictures ?? [])
      if (picture.caption) expect(occurrences(story?.text ?? '', picture.caption)).toBeLessThan(2);
  });

  it('takes the dateline into located and out of the text, and finds none where there is none', () => {
    expect(story?.located).toBe(anchor.located);
    if (anchor.dateline) expect(flat(story?.text ?? '')).not.toContain(flat(anchor.dateline));
  });

  it('gives every picture an absolute address', () => {
    for (const picture of story?.pictures ?? []) expect(picture.url).toMatch(/^https?:\/\//);
  });
});

describe('a Yonhap article page around the sample story (written/yonhap-en-state-dept.html)', () => {
  const url = 'https://en.yna.co.kr/view/AEN20230203000400315';
  const story = extractStory(page('written/yonhap-en-state-dept.html'), url);
  const caption = 'State Department Press Secretary Ned Price is seen speaking';

  it('drops the "Back To Top" link', () => {
    expect(story?.bodyHtml).not.toMatch(/Back To Top/i);
    expect(story?.text).not.toMatch(/Back To Top/i);
  });

  it('keeps the photo caption once, with its picture', () => {
    expect(occurrences(story?.text ?? '', caption)).toBe(1);
    expect(story?.pictures).toEqual([
      {
        url: 'https://en.yna.co.kr/photo/yna/YH/2023/02/03/PYH2023020300010034000_P4.jpg',
        caption: expect.stringContaining(caption),
      },
    ]);
  });

  it('takes the "WASHINGTON--" dateline out as the place', () => {
    expect(story?.located).toBe('WASHINGTON');
    expect(story?.text).not.toMatch(/WASHINGTON\s*--/);
    expect(story?.text).toContain('The United States remains ready to engage with North Korea');
  });

  it('takes the closing "(Yonhap)" credit off the last paragraph', () => {
    expect(story?.credit).toBe('Yonhap');
    expect(story?.text.trimEnd()).toMatch(/People's Republic of China\.$/);
  });

  it('leaves the headline out of the body and keeps the page chrome out', () => {
    expect(story?.headline).toBe(
      'US remains ready to engage with N. Korea, but holding N. Korea accountable important: State Dept.',
    );
    for (const chrome of [
      'Korean Newspaper Headlines',
      'Related Articles',
      'Most Viewed',
      'Subscribe',
      'Advertise with Yonhap',
      'Facebook',
      'Keywords',
    ])
      expect(story?.text).not.toContain(chrome);
  });
});

describe('a selector names the story for sites generic extraction misreads', () => {
  const html = page('written/yonhap-en-state-dept.html');
  const url = 'https://en.yna.co.kr/view/AEN20230203000400315';

  it("uses that selector's element as the story", () => {
    const story = extractStory(html, url, { selector: 'article.story-news' });
    expect(story?.text).toContain('PRC stands for the People');
    expect(story?.credit).toBe('Yonhap');
  });

  it('says so when the selector matches nothing', () => {
    expect(readStory(html, url, { selector: '#no-such-story' })).toEqual({
      reason: 'selector-matched-nothing',
    });
    expect(extractStory(html, url, { selector: '#no-such-story' })).toBeUndefined();
  });
});

describe('a page with no story', () => {
  const url = 'https://example.com/';

  it('is an empty page when there is nothing but white space', () => {
    expect(readStory(' \n ', url)).toEqual({ reason: 'empty-page' });
  });

  it('is too little text when the page is all chrome', () => {
    const html =
      '<html><body><nav><a href="/">Home</a></nav><p>Share</p><footer>© Agency</footer></body></html>';
    const result = readStory(html, url);
    expect('reason' in result && result.reason).toMatch(/too-little-text|no-main-content/);
  });
});
