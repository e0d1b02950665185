import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, repoRoot, samplePath } from '@wire/testkit';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../src/errors.js';
import { decodeBytes } from '../src/text/decode-bytes.js';

const feedLibs = join(corpusDir, 'feed-libs');

/** A small feed whose XML declaration names `encoding` (none when undefined). */
function feed(title: string, encoding?: string): string {
  const declaration = encoding ? `<?xml version="1.0" encoding="${encoding}"?>` : '';
  return `${declaration}<rss version="2.0"><channel><title>${title}</title></channel></rss>`;
}

function encoded(text: string, iconvName: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, iconvName));
}

function withPrefix(prefix: number[], bytes: Uint8Array): Uint8Array {
  return new Uint8Array([...prefix, ...bytes]);
}

describe('rule 1: a byte order mark wins', () => {
  const doc = feed('Café 속보', 'iso-8859-1');

  it.each([
    ['utf-8', [0xef, 0xbb, 0xbf], 'utf8'],
    ['utf-16le', [0xff, 0xfe], 'utf-16le'],
    ['utf-16be', [0xfe, 0xff], 'utf-16be'],
    ['utf-32le', [0xff, 0xfe, 0x00, 0x00], 'utf-32le'],
    ['utf-32be', [0x00, 0x00, 0xfe, 0xff], 'utf-32be'],
  ])(
    'decodes a document with a %s byte order mark, without the mark and despite the declarations',
    (charset, mark, iconvName) => {
      const result = decodeBytes(
        withPrefix(mark, encoded(doc, iconvName)),
        'text/xml; charset=windows-1252',
      );
      expect(result).toEqual({ text: doc, charset, warnings: [] });
    },
  );
});

describe('rule 2: UTF-16 and UTF-32 without a byte order mark are recognised by their NUL bytes', () => {
  it.each([
    ['utf-16le', '3C 00 3F 00'],
    ['utf-16be', '00 3C 00 3F'],
    ['utf-32le', '3C 00 00 00'],
    ['utf-32be', '00 00 00 3C'],
  ])('decodes %s that starts with %s', (charset, start) => {
    const doc = feed('Новости 新闻', 'UTF-16');
    const bytes = encoded(doc, charset);
    expect(Buffer.from(bytes.subarray(0, 4)).toString('hex').toUpperCase()).toBe(
      start.replaceAll(' ', ''),
    );
    expect(decodeBytes(bytes)).toEqual({ text: doc, charset, warnings: [] });
  });
});

describe('rule 3: the HTTP charset, then the XML declaration, then UTF-8', () => {
  const cafe = encoded(feed('café'), 'windows-1252');

  it('uses the HTTP charset parameter when the document declares nothing', () => {
    const result = decodeBytes(
      encoded(feed('Новости'), 'koi8-r'),
      'application/rss+xml; charset=KOI8-R',
    );
    expect(result.charset).toBe('koi8-r');
    expect(result.text).toContain('<title>Новости</title>');
    expect(result.warnings).toEqual([]);
  });

  it('reads a quoted charset parameter', () => {
    const result = decodeBytes(encoded(feed('속보'), 'cp949'), 'text/xml;charset="EUC-KR"');
    expect(result.charset).toBe('euc-kr');
    expect(result.text).toContain('속보');
  });

  it('uses the XML declaration when there is no HTTP charset', () => {
    const result = decodeBytes(encoded(feed('Новости', 'koi8-r'), 'koi8-r'), 'application/xml');
    expect(result.charset).toBe('koi8-r');
    expect(result.text).toContain('Новости');
    expect(result.warnings).toEqual([]);
  });

  it('assumes UTF-8 when nothing is declared', () => {
    const result = decodeBytes(encoded(feed('Café 속보'), 'utf8'));
    expect(result).toEqual({ text: feed('Café 속보'), charset: 'utf-8', warnings: [] });
  });

  it('lets the HTTP charset win over the XML declaration when both decode cleanly, with a warning', () => {
    const bytes = encoded(feed('price 5 €', 'iso-8859-1'), 'iso-8859-15');
    const result = decodeBytes(bytes, 'text/xml; charset=ISO-8859-15');
    expect(result.charset).toBe('iso-8859-15');
    expect(result.text).toContain('price 5 €');
    expect(result.warnings).toEqual([
      'HTTP charset iso-8859-15 and XML encoding iso-8859-1 disagree; decoded as iso-8859-15',
    ]);
  });

  it('keeps the XML declaration in the text unchanged', () => {
    const result = decodeBytes(cafe, 'text/xml; charset=windows-1252');
    expect(result.text.startsWith('<rss version="2.0">')).toBe(true);
    const declared = decodeBytes(encoded(feed('café', 'euc-kr'), 'cp949'));
    expect(declared.text.startsWith('<?xml version="1.0" encoding="euc-kr"?>')).toBe(true);
  });
});

describe('rule 4: charset labels and their aliases', () => {
  const families: [string, string, string, string, string[]][] = [
    [
      'Korean',
      '연합뉴스 (속보) 똠방각하',
      'cp949',
      'euc-kr',
      ['euc-kr', 'EUC-KR', 'x-euc-kr', 'ks_c_5601-1987', 'cp949'],
    ],
    [
      'Japanese Shift_JIS',
      '速報 ニュース ①',
      'shiftjis',
      'shift_jis',
      ['shift_jis', 'Shift_JIS', 'sjis', 'x-sjis', 'ms_kanji', 'windows-31j'],
    ],
    ['Japanese EUC-JP', '速報 ニュース', 'euc-jp', 'euc-jp', ['euc-jp', 'EUC-JP', 'x-euc-jp']],
    ['Chinese simplified', '新闻快讯 𠀀', 'gb18030', 'gbk', ['gb2312', 'GB2312', 'gbk', 'x-gbk']],
    ['Chinese GB18030', '新闻快讯 𠀀', 'gb18030', 'gb18030', ['gb18030', 'GB18030']],
    ['Chinese traditional', '新聞快訊 嘅', 'big5hkscs', 'big5', ['big5', 'Big5', 'big5-hkscs']],
    ['Russian KOI8-R', 'Новости дня', 'koi8-r', 'koi8-r', ['koi8-r', 'KOI8-R']],
    ['Ukrainian KOI8-U', 'Новини України', 'koi8-u', 'koi8-u', ['koi8-u', 'KOI8-U']],
    [
      'Cyrillic windows-1251',
      'Новости дня',
      'windows-1251',
      'windows-1251',
      ['windows-1251', 'cp1251'],
    ],
    [
      'Cyrillic ISO-8859-5',
      'Новости дня',
      'iso-8859-5',
      'iso-8859-5',
      ['iso-8859-5', 'ISO_8859-5'],
    ],
    [
      'Western Latin-1',
      'Café São Paulo',
      'iso-8859-1',
      'iso-8859-1',
      ['iso-8859-1', 'ISO-8859-1', 'latin1', 'iso8859-1'],
    ],
    ['Western Latin-9', 'Preis 5 €', 'iso-8859-15', 'iso-8859-15', ['iso-8859-15', 'latin9']],
    [
      'Western windows-1252',
      'Euro € “quoted”',
      'windows-1252',
      'windows-1252',
      ['windows-1252', 'cp1252', 'us-ascii'],
    ],
    [
      'Central European',
      'Zażółć gęślą jaźń',
      'windows-1250',
      'windows-1250',
      ['windows-1250', 'WINDOWS-1250'],
    ],
    [
      'Central European ISO',
      'Zażółć gęślą jaźń',
      'iso-8859-2',
      'iso-8859-2',
      ['iso-8859-2', 'latin2'],
    ],
    ['Unicode', 'Café 속보', 'utf8', 'utf-8', ['utf-8', 'UTF-8', 'utf8']],
  ];

  for (const [family, title, iconvName, charset, labels] of families) {
    it.each(labels)(`decodes ${family} text declared as "%s" in the XML declaration`, (label) => {
      const result = decodeBytes(encoded(feed(title, label), iconvName));
      expect(result).toEqual({ text: feed(title, label), charset, warnings: [] });
    });
  }

  it('accepts a label in the HTTP charset parameter the same way', () => {
    const result = decodeBytes(encoded(feed('速報'), 'shiftjis'), 'text/xml; charset=MS_Kanji');
    expect(result).toEqual({ text: feed('速報'), charset: 'shift_jis', warnings: [] });
  });

  it('warns about an unknown label and falls back to UTF-8 for UTF-8 bytes', () => {
    const result = decodeBytes(encoded(feed('Café', 'klingon-8'), 'utf8'));
    expect(result.charset).toBe('utf-8');
    expect(result.text).toContain('Café');
    expect(result.warnings).toEqual(['XML encoding "klingon-8" is not a known encoding; ignored']);
  });

  it('ignores an unknown HTTP label and uses the XML declaration instead', () => {
    const result = decodeBytes(
      encoded(feed('Новости', 'koi8-r'), 'koi8-r'),
      'text/xml; charset=bogus',
    );
    expect(result.charset).toBe('koi8-r');
    expect(result.text).toContain('Новости');
    expect(result.warnings).toEqual(['HTTP charset "bogus" is not a known encoding; ignored']);
  });

  it('warns about an unknown label and falls back to windows-1252 for bytes that are not UTF-8', () => {
    const result = decodeBytes(encoded(feed('Café', 'x-unknown'), 'windows-1252'));
    expect(result.charset).toBe('windows-1252');
    expect(result.text).toContain('Café');
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings[0]).toMatch(/x-unknown/);
  });

  it('ignores a UTF-16 declaration on a document whose bytes are not UTF-16', () => {
    const result = decodeBytes(encoded(feed('Café', 'UTF-16'), 'utf8'));
    expect(result.charset).toBe('utf-8');
    expect(result.text).toContain('Café');
    expect(result.warnings).toEqual([
      'XML encoding "UTF-16" ignored: the bytes do not look like utf-16le',
    ]);
  });
});

describe('rule 5: a declaration that lies is overruled, with a warning', () => {
  it('decodes bytes declared UTF-8 but not valid UTF-8 as windows-1252, naming both', () => {
    const result = decodeBytes(encoded(feed('Café “Noir”', 'utf-8'), 'windows-1252'));
    expect(result.charset).toBe('windows-1252');
    expect(result.text).toContain('Café “Noir”');
    expect(result.warnings).toEqual([
      'XML encoding utf-8 does not fit: the bytes are not valid UTF-8; decoded as windows-1252',
    ]);
  });

  it('decodes undeclared bytes that are not valid UTF-8 as windows-1252', () => {
    const result = decodeBytes(encoded(feed('Últimas Notícias'), 'iso-8859-1'));
    expect(result.charset).toBe('windows-1252');
    expect(result.text).toContain('Últimas Notícias');
    expect(result.warnings[0]).toMatch(/not valid UTF-8.*windows-1252/);
  });

  it('falls back to the other declared charset when the UTF-8 one does not fit', () => {
    const bytes = encoded(feed('(속보) 북한', 'euc-kr'), 'cp949');
    const result = decodeBytes(bytes, 'application/rss+xml; charset=utf-8');
    expect(result.charset).toBe('euc-kr');
    expect(result.text).toContain('(속보) 북한');
    expect(result.warnings).toEqual([
      'HTTP charset utf-8 and XML encoding euc-kr disagree; decoded as euc-kr',
    ]);
  });

  it('decodes valid multi-byte UTF-8 declared as a single-byte charset as UTF-8', () => {
    const result = decodeBytes(encoded(feed('Café', 'ISO-8859-1'), 'utf8'));
    expect(result.charset).toBe('utf-8');
    expect(result.text).toContain('Café');
    expect(result.warnings).toEqual([
      'XML encoding iso-8859-1 does not fit: the bytes are valid UTF-8; decoded as utf-8',
    ]);
  });

  it('prefers the XML declaration when the HTTP charset leaves the bytes garbled', () => {
    const bytes = encoded(feed('Café', 'utf-8'), 'utf8');
    const result = decodeBytes(bytes, 'text/xml; charset=latin1');
    expect(result.charset).toBe('utf-8');
    expect(result.text).toContain('Café');
    expect(result.warnings).toEqual([
      'HTTP charset iso-8859-1 and XML encoding utf-8 disagree; decoded as utf-8',
    ]);
  });

  it('decodes UTF-8 bytes declared as a multi-byte legacy charset as UTF-8', () => {
    const result = decodeBytes(encoded(feed('연합뉴스 속보', 'euc-kr'), 'utf8'));
    expect(result.charset).toBe('utf-8');
    expect(result.text).toContain('연합뉴스 속보');
    expect(result.warnings).toHaveLength(1);
  });

  it('decodes ISO-8859-1 that uses bytes 0x80-0x9F as windows-1252', () => {
    const result = decodeBytes(encoded(feed('“Quoted” – 5 €', 'iso-8859-1'), 'windows-1252'));
    expect(result.charset).toBe('windows-1252');
    expect(result.text).toContain('“Quoted” – 5 €');
    expect(result.warnings).toEqual([
      'iso-8859-1 text uses bytes 0x80-0x9F (windows-1252); decoded as windows-1252',
    ]);
  });

  it('raises no warning for plain ASCII under any declared charset', () => {
    const result = decodeBytes(
      encoded(feed('News', 'iso-8859-1'), 'utf8'),
      'text/xml; charset=ISO-8859-1',
    );
    expect(result).toEqual({
      text: feed('News', 'iso-8859-1'),
      charset: 'iso-8859-1',
      warnings: [],
    });
  });
});

describe('rule 6: invalid bytes that remain are replaced and counted', () => {
  it('counts invalid sequences after a UTF-8 byte order mark', () => {
    const bytes = withPrefix(
      [0xef, 0xbb, 0xbf],
      new Uint8Array([...Buffer.from('<a>ok'), 0xff, 0x3c, 0x2f, 0x61, 0x3e]),
    );
    const result = decodeBytes(bytes);
    expect(result).toEqual({
      text: '<a>ok\uFFFD</a>',
      charset: 'utf-8',
      warnings: ['1 invalid byte sequences replaced'],
    });
  });

  it('keeps a declared Shift_JIS with broken bytes and counts the replacements', () => {
    const [head, tail] = feed('速報|', 'shift_jis').split('|') as [string, string];
    const bytes = new Uint8Array([
      ...encoded(head, 'shiftjis'),
      0xff,
      0xff,
      ...encoded(tail, 'ascii'),
    ]);
    const result = decodeBytes(bytes);
    expect(result.charset).toBe('shift_jis');
    expect(result.text).toContain('速報\uFFFD\uFFFD');
    expect(result.warnings).toEqual(['2 invalid byte sequences replaced']);
  });

  it('does not count a U+FFFD that the document itself encodes', () => {
    const result = decodeBytes(encoded(feed('a\uFFFDb'), 'utf8'));
    expect(result.text).toContain('a\uFFFDb');
    expect(result.warnings).toEqual([]);
  });

  it('counts bytes that even the windows-1252 fallback cannot map', () => {
    const bytes = new Uint8Array([...Buffer.from('<a>caf'), 0xe9, 0x81, ...Buffer.from('</a>')]);
    const result = decodeBytes(bytes);
    expect(result.charset).toBe('windows-1252');
    expect(result.text).toBe('<a>café\uFFFD</a>');
    expect(result.warnings).toContain('1 invalid byte sequences replaced');
    expect(result.warnings).toHaveLength(2);
  });

  it('throws DOCUMENT_EMPTY for no bytes at all', () => {
    expect(() => decodeBytes(new Uint8Array())).toThrow(ParseError);
    expect(() => decodeBytes(new Uint8Array())).toThrow(/empty/);
  });
});

describe('the Yonhap EUC-KR sample', () => {
  const bytes = readFileSync(samplePath('yonhap-ko-politics-euckr.xml'));

  it('decodes the Korean feed from its XML declaration', () => {
    const result = decodeBytes(bytes);
    expect(result.charset).toBe('euc-kr');
    expect(result.warnings).toEqual([]);
    expect(result.text).toContain('<title>연합뉴스 - 정치</title>');
    expect(result.text).toContain('(속보) 북한, 동해상으로 탄도미사일 발사');
    expect(result.text).toContain('<dc:creator>이준서</dc:creator>');
    expect(result.text).not.toContain('\uFFFD');
  });

  it('decodes the same with a matching HTTP charset', () => {
    const result = decodeBytes(bytes, 'application/rss+xml; charset=ks_c_5601-1987');
    expect(result.charset).toBe('euc-kr');
    expect(result.warnings).toEqual([]);
    expect(result.text).toContain('미 국무부');
  });
});

type Case = [file: string, charset: string, expected: string[], warning?: RegExp];

function conformance(folder: string, cases: Case[], everyFile = false): void {
  if (everyFile) {
    it('covers every file in the folder', () => {
      const files = readdirSync(join(feedLibs, folder)).filter((f) => f.endsWith('.xml'));
      expect(files.sort()).toEqual(cases.map(([file]) => file).sort());
    });
  }
  it.each(cases)('decodes %s as %s', (file, charset, expected, warning) => {
    const result = decodeBytes(readFileSync(join(feedLibs, folder, file)));
    expect(result.charset).toBe(charset);
    for (const text of expected) expect(result.text).toContain(text);
    expect(result.text).not.toMatch(/\uFFFD|Ã|Ð/);
    if (warning) expect(result.warnings.join('\n')).toMatch(warning);
    else expect(result.warnings).toEqual([]);
  });
}

describe('conformance: miniflux encoding fixtures', () => {
  conformance(
    'miniflux/encoding',
    [
      ['invalid-prolog.xml', 'utf-8', ['테스트 피드', 'Café'], /"invalid" is not a known encoding/],
      ['iso-8859-1.xml', 'iso-8859-1', ['Café', 'Présentation']],
      ['koi8r.xml', 'koi8-r', ['Пример RSS ленты', 'Первая новость', 'Привет мир! Ёжик, чай']],
      ['utf8-incorrect-prolog.xml', 'utf-8', ['테스트 피드', 'Café'], /iso-8859-1 does not fit/],
      ['utf8.xml', 'utf-8', ['테스트 피드', 'Café']],
      ['windows-1252-incorrect-prolog.xml', 'utf-8', ['Euro €'], /windows-1252 does not fit/],
      ['windows-1252.xml', 'windows-1252', ['Euro €']],
    ],
    true,
  );
});

describe('conformance: miniflux xml and parser fixtures', () => {
  conformance('miniflux/xml', [
    ['iso88591.xml', 'iso-8859-1', ['Anaïs', 'Jürgen']],
    ['iso88591_utf8_mismatch.xml', 'windows-1252', ['Anaïs', 'Jürgen'], /utf-8 does not fit/],
    ['koi8r.xml', 'koi8-r', ['Пример RSS ленты', 'Вторая новость']],
  ]);
  conformance('miniflux/parser', [
    ['encoding_ISO-8859-1.xml', 'iso-8859-1', ['Sicherheitslücke', 'künftig']],
    ['encoding_WINDOWS-1251.xml', 'windows-1251', ['Цитата #17703']],
    ['no_encoding_ISO-8859-1.xml', 'windows-1252', ['modèles', 'européens'], /not valid UTF-8/],
    ['urdu_UTF8.xml', 'utf-8', ['BBC News  اردو']],
  ]);
});

describe('conformance: feed-rs, rss-parser and node-feedparser fixtures', () => {
  conformance('feed-rs/fixture/rss0', [
    ['rss_0.91_encoding_1.xml', 'iso-8859-1', ['Dicas técnicas', 'Informações Úteis']],
    ['rss_0.91_encoding_2.xml', 'iso-8859-1', ['Tribunal de Justiça', 'Comitê completa']],
  ]);
  conformance('rss-parser/input', [
    ['encoding.rss', 'iso-8859-1', ['Jornal de Notícias - Últimas Notícias']],
    [
      'uolNoticias.rss',
      'windows-1252',
      ['Últimas Notícias', 'simulações de 2º turno'],
      /not valid UTF-8/,
    ],
  ]);
  conformance('node-feedparser/feeds', [
    ['iconv.xml', 'windows-1251', ['Новости Оренбурга и области']],
    ['mediacontent-dupes.xml', 'utf-8', ['© Bettmann/CORBIS'], /iso-8859-1 does not fit/],
  ]);
});

describe('decodeBytes on CJK bytes that lie about their charset', () => {
  // Real CJK feeds (chardet's test corpus, see the folder's SOURCE.txt) in their
  // own charsets, each relabelled as UTF-8 and with no label at all.
  const folder = join(repoRoot, 'services/normalizer/test/fixtures/agency/chardet-chardet');
  const feeds = readdirSync(folder)
    .filter((name) => name.endsWith('.xml'))
    .map((name) => ({ name, bytes: readFileSync(join(folder, name)) }));
  const relabelled = (bytes: Buffer, label: string) =>
    Buffer.from(
      bytes.toString('latin1').replace(/(<\?xml[^>]*?encoding=)["'][^"']*["']/, `$1"${label}"`),
      'latin1',
    );
  const unlabelled = (bytes: Buffer) =>
    Buffer.from(bytes.toString('latin1').replace(/^\s*<\?xml[^>]*\?>/, ''), 'latin1');

  it.each(feeds.map((f) => [f.name, f] as const))(
    '%s declared UTF-8 or undeclared decodes as with its true label, with a warning',
    (_name, { bytes }) => {
      const truth = decodeBytes(bytes);
      expect(truth.warnings.filter((w) => w.includes('replaced'))).toEqual([]);
      for (const lying of [relabelled(bytes, 'UTF-8'), unlabelled(bytes)]) {
        const decoded = decodeBytes(lying);
        // GB2312 is read with its superset GB18030 either way.
        const family = (charset: string) => (charset === 'gbk' ? 'gb18030' : charset);
        expect(family(decoded.charset)).toBe(family(truth.charset));
        expect(decoded.text.replace(/^\s*<\?xml[^>]*\?>/, '')).toBe(
          truth.text.replace(/^\s*<\?xml[^>]*\?>/, ''),
        );
        expect(decoded.warnings.join(' ')).toMatch(/\(detected\)/);
      }
    },
  );

  it('keeps reading Latin-1 bytes that declare nothing as windows-1252, not as CJK', () => {
    const decoded = decodeBytes(Buffer.from('<t>Café au lait, São Paulo, Zürich</t>', 'latin1'));
    expect(decoded.text).toBe('<t>Café au lait, São Paulo, Zürich</t>');
    expect(decoded.charset).toBe('windows-1252');
  });
});

describe('valid UTF-8 decodes without the streaming decoder, to the same text', () => {
  function* files(dir: string): Generator<string> {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) yield* files(path);
      else yield path;
    }
  }
  // What decodeBytes gave for UTF-8 before: iconv-lite's decoder, nothing stripped.
  const byIconv = (bytes: Uint8Array) =>
    iconv.decode(Buffer.from(bytes), 'utf-8', { stripBOM: false });

  it('gives the text iconv-lite gives, on every corpus file read as UTF-8', () => {
    let read = 0;
    for (const path of files(corpusDir)) {
      const bytes = readFileSync(path);
      let decoded: ReturnType<typeof decodeBytes>;
      try {
        decoded = decodeBytes(bytes);
      } catch {
        continue;
      }
      if (decoded.charset !== 'utf-8' || bytes[0] === 0xef) continue; // a mark is dropped
      read++;
      expect(decoded.text, path).toBe(byIconv(bytes));
    }
    expect(read).toBeGreaterThan(1000);
  });

  it('gives the text iconv-lite gives, on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const bytes = Buffer.from(`<${text}`, 'utf8');
        const decoded = decodeBytes(bytes);
        expect(decoded.charset).toBe('utf-8');
        expect(decoded.text).toBe(byIconv(bytes));
      }),
      { numRuns: 3_000 },
    );
  });
});
