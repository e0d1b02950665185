import { samplePath } from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import { loadG2, ninjsProblems } from './load-g2.js';

const guid = 'urn:newsml:yna.co.kr:20230203:AEN20230203000400315';
const v1 = loadG2(samplePath('yonhap-g2-v1.xml'));
const v2 = loadG2(samplePath('yonhap-g2-v2-correction.xml'));
const v3 = loadG2(samplePath('yonhap-g2-v3-canceled.xml'));

function only(loaded: ReturnType<typeof loadG2>) {
  expect(loaded.articles).toHaveLength(1);
  const [parsed] = loaded.articles;
  if (!parsed) throw new Error('no article');
  return parsed;
}

describe('the Yonhap NewsML-G2 story, version 1', () => {
  const parsed = only(v1);
  const { article } = parsed;

  it('gives one text article that names its guid and version and signals nothing', () => {
    expect(parsed.source).toEqual({ format: 'newsml-g2', guid, version: '1' });
    expect(parsed.signal).toBe('none');
    expect(article.type).toBe('text');
    expect(article.altIds).toEqual([{ role: 'guid', value: guid }]);
  });

  it('keeps the headline, slugline, urgency, language and the Washington dateline location', () => {
    expect(article.headlines).toEqual([
      {
        role: 'main',
        value:
          'US remains ready to engage with N. Korea, but holding N. Korea accountable important: State Dept.',
      },
    ]);
    expect(article.slugline).toBe('US-NKOREA-DIPLOMACY');
    expect(article.urgency).toBe(4);
    expect(article.language).toBe('en');
    expect(article.located).toBe('Washington');
  });

  it('converts the Korean-time dates to UTC', () => {
    expect(article.versionCreated).toBe('2023-02-02T22:31:00.000Z');
    expect(article.firstCreated).toBe('2023-02-02T22:31:00.000Z');
    expect(article.pubStatus).toBe('usable');
  });

  it('takes the XHTML body as sanitized HTML and plain text, the dateline taken out', () => {
    const [html, text] = article.bodies ?? [];
    expect(html?.contentType).toBe('text/html');
    expect(html?.value).toMatch(/^<p>The United States remains ready/);
    expect(article.located).toBe('Washington');
    expect(html?.value.match(/<p>/g)).toHaveLength(15);
    expect(html?.value).not.toMatch(/xhtml:|<title>/);
    expect(text?.contentType).toBe('text/plain');
    expect(text?.value).toMatch(/^The United States/);
    expect(text?.value).toContain("the Democratic People's Republic of Korea.");
    // The closing credit is the agency's, not the story's.
    expect(text?.value.endsWith("PRC stands for the People's Republic of China.")).toBe(true);
    expect(text?.charCount).toBe(text?.value.length);
    expect(text?.wordCount).toBeGreaterThan(500);
  });

  it('expands the subject QCodes with the IPTC catalog', () => {
    expect(article.subjects).toEqual([
      { name: 'politics', uri: 'http://cv.iptc.org/newscodes/mediatopic/11000000' },
      { name: 'diplomacy', uri: 'http://cv.iptc.org/newscodes/mediatopic/20000621' },
      { name: 'North Korea', uri: 'http://cvx.iptc.org/iso3166-1a2/KP' },
    ]);
    expect(article.genres).toEqual([{ uri: 'http://cv.iptc.org/newscodes/genre/Current' }]);
  });

  it('keeps the rights and the creator as the byline', () => {
    expect(article.copyrightHolder).toBe('Yonhap News Agency');
    expect(article.copyrightNotice).toBe('(c) Yonhap News Agency. All rights reserved.');
    expect(article.by).toBe('Yonhap');
  });

  it('is valid ninjs and raises no warning', () => {
    expect(ninjsProblems(article)).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(v1.warnings).toEqual([]);
  });
});

describe('the Yonhap correction, version 2', () => {
  const parsed = only(v2);

  it('signals a correction of the same story as version 2 and keeps the editor note', () => {
    expect(parsed.signal).toBe('correction');
    expect(parsed.source.guid).toBe(guid);
    expect(parsed.source.version).toBe('2');
    expect(parsed.article.edNote).toBe('CORRECTS number of missiles fired last year in 10th para');
    expect(parsed.article.versionCreated).toBe('2023-02-02T23:45:00.000Z');
  });

  it('carries the corrected paragraph', () => {
    const text = parsed.article.bodies?.find((b) => b.contentType === 'text/plain')?.value;
    expect(text).toContain('North Korea fired more than 70 ballistic missiles last year');
    expect(text).not.toContain('fired 69 ballistic missiles');
    expect(ninjsProblems(parsed.article)).toEqual([]);
  });
});

describe('the Yonhap cancellation, version 3', () => {
  const parsed = only(v3);

  it('is a kill of the same guid with pubStatus canceled', () => {
    expect(parsed.signal).toBe('kill');
    expect(parsed.article.pubStatus).toBe('canceled');
    expect(parsed.source.guid).toBe(guid);
    expect(parsed.source.version).toBe('3');
    expect(parsed.article.edNote).toBe('KILL: story withdrawn');
    expect(ninjsProblems(parsed.article)).toEqual([]);
  });
});
