// Hostile encodings (cases E1-E12 of docs/hostile-input.md): declarations that lie,
// invalid and mixed bytes, UTF-16 with and without a byte order mark. Each reads
// as text with a warning that says what was assumed, or fails with a clear code.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { headline, outcomeOf, parse } from './hostile-helpers.js';

const doc = (title: string, declaration = '') =>
  `${declaration}<rss version="2.0"><channel><item><title>${title}</title><guid>g1</guid></item></channel></rss>`;
const declared = (encoding: string) => `<?xml version="1.0" encoding="${encoding}"?>`;
/** The document with raw bytes where its title goes. */
const withTitleBytes = (bytes: number[], declaration = '') => {
  const [before, after] = doc('@', declaration).split('@') as [string, string];
  return Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]);
};
const bom = { le: Buffer.from([0xff, 0xfe]), be: Buffer.from([0xfe, 0xff]) };

describe('hostile encodings: declarations that lie', () => {
  it('E1 reads UTF-8 bytes declared ISO-8859-1 as UTF-8, and says so', () => {
    const result = parse(Buffer.from(doc('Café 서울', declared('ISO-8859-1'))));
    expect(result.charset).toBe('utf-8');
    expect(headline(result)).toBe('Café 서울');
    expect(result.warnings.join()).toMatch(/iso-8859-1 does not fit/);
  });

  it('E2 reads windows-1252 bytes served as charset=utf-8 as windows-1252, and says so', () => {
    const result = parse(iconv.encode(doc('Café — naïve'), 'windows-1252'), {
      contentType: 'text/xml; charset=utf-8',
    });
    expect(result.charset).toBe('windows-1252');
    expect(headline(result)).toBe('Café — naïve');
    expect(result.warnings.join()).toMatch(/HTTP charset utf-8 does not fit/);
  });

  it('E3 prefers the HTTP charset when it and the XML declaration disagree and it fits', () => {
    const result = parse(iconv.encode(doc('서울', declared('UTF-8')), 'cp949'), {
      contentType: 'text/xml; charset=euc-kr',
    });
    expect(headline(result)).toBe('서울');
    expect(result.warnings.join()).toMatch(/disagree; decoded as euc-kr/);
  });

  it('E4 ignores a declaration of UTF-16 on single-byte text', () => {
    const result = parse(Buffer.from(doc('Café', declared('UTF-16'))));
    expect(headline(result)).toBe('Café');
    expect(result.warnings.join()).toMatch(/"UTF-16" ignored/);
  });

  it('E5 ignores an unknown charset label with a warning', () => {
    const result = parse(Buffer.from(doc('Café', declared('x-klingon'))), {
      contentType: 'text/xml; charset=tlh',
    });
    expect(headline(result)).toBe('Café');
    expect(result.warnings).toEqual([
      'HTTP charset "tlh" is not a known encoding; ignored',
      'XML encoding "x-klingon" is not a known encoding; ignored',
    ]);
  });
});

describe('hostile encodings: invalid and mixed bytes', () => {
  it('E6 reads invalid UTF-8 (a bad continuation, FF FE, a lone 80) as windows-1252', () => {
    const result = parse(withTitleBytes([0xc3, 0x28, 0xff, 0xfe, 0x80]));
    expect(result.charset).toBe('windows-1252');
    expect(headline(result)).toBe('Ã(ÿþ€');
    expect(result.warnings.join()).toMatch(/not valid UTF-8/);
  });

  it('E7 never lets an encoded surrogate or an overlong form through as UTF-8', () => {
    const result = parse(withTitleBytes([0xed, 0xa0, 0x80, 0xc0, 0xaf], declared('UTF-8')));
    expect(result.charset).toBe('windows-1252');
    expect(headline(result)?.isWellFormed()).toBe(true);
    expect(headline(result)).not.toContain('/');
  });

  it('E8 reads a document of UTF-8 and Latin-1 mixed as one encoding, with a warning', () => {
    const bytes = Buffer.concat([
      Buffer.from(
        '<rss version="2.0"><channel><item><title>Café 서울</title><guid>g1</guid><description>',
      ),
      iconv.encode('naïve café', 'latin1'),
      Buffer.from('</description></item></channel></rss>'),
    ]);
    const result = parse(bytes);
    expect(result.articles).toHaveLength(1);
    expect(result.articles[0]?.article.bodies?.[1]?.value).toBe('naïve café');
    expect(result.warnings.join()).toMatch(/decoded as windows-1252/);
  });
});

describe('hostile encodings: UTF-16', () => {
  const text = doc('Café 서울', declared('UTF-16'));

  it('E9 detects UTF-16LE without a byte order mark', () => {
    const result = parse(iconv.encode(text, 'utf16le'));
    expect([result.charset, headline(result)]).toEqual(['utf-16le', 'Café 서울']);
  });

  it('E10 detects UTF-16BE without a byte order mark', () => {
    const result = parse(iconv.encode(text, 'utf16be'));
    expect([result.charset, headline(result)]).toEqual(['utf-16be', 'Café 서울']);
  });

  it('E11 reads UTF-16 with a byte order mark, LE and BE, whatever HTTP says', () => {
    const le = parse(Buffer.concat([bom.le, iconv.encode(text, 'utf16le')]), {
      contentType: 'text/xml; charset=utf-8',
    });
    const be = parse(Buffer.concat([bom.be, iconv.encode(text, 'utf16be')]));
    expect([le.charset, headline(le)]).toEqual(['utf-16le', 'Café 서울']);
    expect([be.charset, headline(be)]).toEqual(['utf-16be', 'Café 서울']);
  });

  it('E12 reads UTF-16 with an odd trailing byte, and UTF-16 that is not XML is refused', () => {
    const odd = parse(
      Buffer.concat([bom.le, iconv.encode(doc('Café'), 'utf16le'), Buffer.from([0x41])]),
    );
    expect(headline(odd)).toBe('Café');
    expect(outcomeOf(Buffer.concat([bom.le, iconv.encode('not xml at all', 'utf16le')]))).toBe(
      'XML_MALFORMED',
    );
  });
});
