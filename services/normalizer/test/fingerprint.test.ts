import { readFileSync } from 'node:fs';
import { parseDocument } from '@wire/feeds';
import { samplePath } from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import {
  fingerprintBands,
  fingerprintFromHex,
  fingerprintOf,
  fingerprintToHex,
  hammingDistance,
} from '../src/index.js';

const textOf = (file: string, index: number) => {
  const parsed = parseDocument(readFileSync(samplePath(file)), {
    feedId: 'f',
    fetchedAt: '2023-02-03T00:00:00Z',
  });
  const article = parsed.articles[index]?.article;
  return `${article?.headlines?.[0]?.value ?? ''}\n${article?.bodies?.find((b) => b.contentType === 'text/plain')?.value ?? ''}`;
};

describe('fingerprintOf', () => {
  it('is deterministic and ignores case, punctuation and spacing', () => {
    const a = fingerprintOf('North Korea fired a missile, officials said.');
    expect(fingerprintOf('north korea   fired a missile officials said')).toEqual(a);
    expect(fingerprintToHex(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintFromHex(fingerprintToHex(a))).toEqual(a);
  });

  it('puts the (LEAD) re-filing of the Yonhap story a few bits from the original', () => {
    const original = fingerprintOf(textOf('yonhap-en-news.xml', 0));
    const lead = fingerprintOf(textOf('yonhap-en-news-later.xml', 0));
    expect(hammingDistance(original, lead)).toBeLessThanOrEqual(6);
  });

  it('keeps unrelated stories far apart, in English and in Korean', () => {
    const seed = fingerprintOf(textOf('yonhap-en-news.xml', 0));
    const exports = fingerprintOf(textOf('yonhap-en-news.xml', 2));
    expect(hammingDistance(seed, exports)).toBeGreaterThan(12);
    const koreanA = fingerprintOf(textOf('yonhap-ko-politics-euckr.xml', 0));
    const koreanB = fingerprintOf(textOf('yonhap-ko-politics-euckr.xml', 1));
    expect(hammingDistance(koreanA, koreanB)).toBeGreaterThan(12);
  });

  it('stays close for Korean text with a changed boilerplate line', () => {
    const body = textOf('yonhap-ko-politics-euckr.xml', 0);
    const a = fingerprintOf(`${body}\n저작권자(c) 연합뉴스, 무단 전재-재배포 금지`);
    const b = fingerprintOf(
      `${body}\n<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>`,
    );
    expect(hammingDistance(a, b)).toBeLessThanOrEqual(6);
  });
});

describe('fingerprintBands', () => {
  it('cuts 64 bits into equal bands that two fingerprints one bit apart mostly share', () => {
    const a = { hi: 0x12345678, lo: 0x9abcdef0 };
    const b = { hi: 0x12345678, lo: 0x9abcdef1 };
    expect(fingerprintBands(a, 4)).toEqual(['0:1234', '1:5678', '2:9abc', '3:def0']);
    const shared = fingerprintBands(a, 8).filter((band) => fingerprintBands(b, 8).includes(band));
    expect(shared).toHaveLength(7);
  });
});
