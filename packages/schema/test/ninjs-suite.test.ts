// IPTC's ninjs test suite (shared/corpus/ninjs/test_suite): the IPTC validator
// our tests rely on must judge it as IPTC does, and our stricter zod schema must
// refuse every document IPTC refuses.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, createIptcNinjsValidator } from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import { ninjsSchema } from '../src/index.js';

const suite = join(corpusDir, 'ninjs/test_suite');
const cases = (version: string, verdict: 'should_pass' | 'should_fail') =>
  readdirSync(join(suite, version, verdict))
    .filter((file) => file.endsWith('.json'))
    .map(
      (file) =>
        [file, JSON.parse(readFileSync(join(suite, version, verdict, file), 'utf8'))] as const,
    );

describe.each(['3.0', '3.1'])('ninjs %s test suite', (version) => {
  const validate = createIptcNinjsValidator(version);

  it.each(cases(version, 'should_pass'))('IPTC schema accepts %s', (_file, document) => {
    expect(validate(document)).toEqual([]);
  });

  it.each(cases(version, 'should_fail'))('IPTC schema refuses %s', (_file, document) => {
    expect(validate(document).length).toBeGreaterThan(0);
  });

  it.each(cases(version, 'should_fail'))('our ninjs schema refuses %s too', (_file, document) => {
    expect(ninjsSchema.safeParse(document).success).toBe(false);
  });
});

describe('our ninjs schema on documents that use only what wire emits', () => {
  it('accepts a full article that IPTC accepts', () => {
    const article = {
      uri: 'urn:wire:yna:AEN202302030004',
      type: 'text',
      version: '2',
      firstCreated: '2023-02-02T22:31:00Z',
      versionCreated: '2023-02-03T00:10:00+09:00',
      embargoedUntil: '2023-02-03T01:00:00Z',
      pubStatus: 'usable',
      urgency: 3,
      copyrightHolder: 'Yonhap News Agency',
      copyrightNotice: '(c) Yonhap',
      edNote: 'Corrects the spelling of a name',
      language: 'en',
      headlines: [{ role: 'main', value: 'h' }],
      descriptions: [{ role: 'summary', value: 'd' }],
      bodies: [{ role: 'main', contentType: 'text/plain', value: 'b', charCount: 1, wordCount: 1 }],
      by: 'Yonhap',
      slugline: 'US-NKorea',
      located: 'WASHINGTON',
      subjects: [
        { name: 'politics', uri: 'http://cv.iptc.org/newscodes/mediatopic/11000000', rel: 'about' },
      ],
      genres: [{ name: 'Current', uri: 'http://cv.iptc.org/newscodes/genre/Current' }],
      altIds: [{ role: 'guid', value: 'AEN20230203000400315' }],
      associations: [
        {
          name: 'picture1',
          type: 'picture',
          uri: 'https://img.yna.co.kr/p.jpg',
          renditions: [
            { name: 'original', href: 'https://img.yna.co.kr/p.jpg', width: 640, height: 480 },
          ],
        },
      ],
    };
    expect(ninjsSchema.safeParse(article).success).toBe(true);
    expect(createIptcNinjsValidator('3.1')(article)).toEqual([]);
  });
});
