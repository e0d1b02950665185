// The cheap scan gives the ids the normalizer's parser gives. The parser
// (@wire/feeds, a devDependency only) is the oracle over every real document we
// hold; the cases below name where the two may differ and why.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParseError, parseDocument } from '@wire/feeds';
import { corpusDir, repoRoot, samplesDir } from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import { itemIdsOf } from '../src/item-ids.js';

/** The ids as the ingester got them before the scan: the whole parse, guid else link. */
function parserIds(body: Buffer, contentType = ''): string[] | 'refused' {
  try {
    const parsed = parseDocument(body, {
      feedId: 'f',
      fetchedAt: '2026-12-07T00:00:00Z',
      contentType,
    });
    return parsed.articles.flatMap((a) => a.source.guid ?? a.source.link ?? []);
  } catch (err) {
    if (err instanceof ParseError) return 'refused';
    throw err;
  }
}

const agencyFixtures = join(repoRoot, 'services/normalizer/test/fixtures/agency');
const folders = [
  join(corpusDir, 'feed-libs'),
  join(corpusDir, 'newsml-g2'),
  join(corpusDir, 'agency-wire'),
  join(corpusDir, 'ninjs/agency_samples_xml'),
  samplesDir,
  agencyFixtures,
];
// Expected outputs, licences and notes are not documents.
const notDocuments = /\.(json|md|txt|xsd|py)$|^(LICENSE|NOTICE)$/;

const documents = folders.flatMap((folder) =>
  readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && !notDocuments.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name)),
);

const rss = (items: string, channel = '') =>
  Buffer.from(`<rss version="2.0"><channel>${channel}${items}</channel></rss>`);

describe('itemIdsOf', () => {
  it('gives the guid of each item, else its link', () => {
    const feed = rss(
      '<item><title>a</title><guid>g1</guid></item><item><title>b</title><link>https://x.org/b</link></item>',
    );
    expect(itemIdsOf(feed, 'application/rss+xml')).toEqual(['g1', 'https://x.org/b']);
  });

  it('reads a link as the story address: resolved against the channel, tracking left out', () => {
    const feed = rss(
      '<item><link>/news/1?utm_source=rss&amp;id=7#top</link></item>',
      '<link>https://x.org/en/</link>',
    );
    expect(itemIdsOf(feed, '')).toEqual(['https://x.org/news/1?id=7']);
  });

  it('reads Atom entries, a NewsML-G2 message, NITF and NewsML 1.2', () => {
    const atom = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>urn:a:1</id></entry></feed>';
    const g2 =
      '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>' +
      '<newsItem guid="urn:g2:1"/><conceptItem guid="urn:c"/><packageItem guid="urn:g2:p"/>' +
      '</itemSet></newsMessage>';
    const nitf = '<nitf><head><docdata><doc-id id-string="AP-1"/></docdata></head></nitf>';
    const newsMl1 =
      '<NewsML><NewsItem><Identification><NewsIdentifier>' +
      '<PublicIdentifier>urn:newsml:afp.com:20260101:TX-1:3</PublicIdentifier>' +
      '</NewsIdentifier></Identification></NewsItem></NewsML>';
    expect(itemIdsOf(Buffer.from(atom), '')).toEqual(['urn:a:1']);
    expect(itemIdsOf(Buffer.from(g2), '')).toEqual(['urn:g2:1', 'urn:g2:p']);
    expect(itemIdsOf(Buffer.from(nitf), '')).toEqual(['AP-1']);
    expect(itemIdsOf(Buffer.from(newsMl1), '')).toEqual(['urn:newsml:afp.com:20260101:TX-1']);
  });

  it('reads an Atom entry without an id by its FeedBurner origLink, else its alternate link, as the parser does', () => {
    const feed = Buffer.from(
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://x.org/news/">' +
        '<entry><link href="https://feeds.example/~r/x/1"/><feedburner:origLink>https://x.org/1?utm_medium=feed</feedburner:origLink></entry>' +
        '<entry><link rel="enclosure" href="/a.jpg"/><link rel="related" href="2"/></entry>' +
        '<entry xml:base="/other/"><link rel="alternate" href="3#top"/><id>  </id></entry>' +
        '</feed>',
    );
    expect(itemIdsOf(feed, '')).toEqual([
      'https://x.org/1',
      'https://x.org/news/2',
      'https://x.org/other/3',
    ]);
    expect(itemIdsOf(feed, '')).toEqual(parserIds(feed));
  });

  it('gives none for a document it cannot read, without throwing', () => {
    const feed = rss('<item><guid>g1</guid></item>');
    const unreadable = [
      Buffer.from('<html>not a feed</html>'),
      Buffer.alloc(0),
      Buffer.from('{"items": []}'),
      feed.subarray(0, feed.length - 12),
      Buffer.from(
        '<!DOCTYPE rss [<!ENTITY a "&#38;a;&#38;a;">]><rss><channel><item><guid>&a;</guid></item></channel></rss>',
      ),
      Buffer.from([0xff, 0xfe, 0x3c, 0x00, 0x00, 0xd8]),
    ];
    for (const body of unreadable) expect(itemIdsOf(body, 'text/xml')).toEqual([]);
  });

  it(`gives the parser's ids for each of the ${documents.length} documents of the corpora`, () => {
    const tally = { same: 0, withIds: 0, refusedByBoth: 0, different: [] as string[] };
    for (const path of documents) {
      const body = readFileSync(path);
      const expected = parserIds(body);
      const scanned = itemIdsOf(body, '');
      if (expected === 'refused') {
        if (scanned.length === 0) tally.refusedByBoth++;
        // The scan is more lenient than the parser: ids from a document the parser
        // refuses would be counted, never harmful. None of the corpora does it.
        else
          tally.different.push(`${path}: the parser refuses it, the scan reads ${scanned.length}`);
        continue;
      }
      if (JSON.stringify(scanned) === JSON.stringify(expected)) {
        tally.same++;
        if (expected.length > 0) tally.withIds++;
      } else tally.different.push(`${path}: ${JSON.stringify({ expected, scanned })}`);
    }
    expect(tally.different).toEqual([]);
    expect(tally.same + tally.refusedByBoth).toBe(documents.length);
    // Most documents have items; the rest test channel fields or are no feed at all.
    expect(tally.withIds).toBeGreaterThan(400);
  });

  it('gives the same ids for the corpora written as UTF-16 with a byte order mark', () => {
    let withIds = 0;
    const different = documents.flatMap((path) => {
      const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
      if (text.includes('\uFFFD')) return []; // not UTF-8: re-encoding would change it
      const body = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      const expected = parserIds(body);
      const scanned = itemIdsOf(body, '');
      const same =
        JSON.stringify(scanned) === JSON.stringify(expected === 'refused' ? [] : expected);
      if (scanned.length > 0) withIds++;
      return same ? [] : [path];
    });
    expect(different).toEqual([]);
    expect(withIds).toBeGreaterThan(400);
  });

  it('reads references and charsets as the parser does: HTML entities, C1 as windows-1252, a declared legacy charset', () => {
    const latin = (text: string) => Buffer.from(text, 'latin1');
    const cases = [
      rss('<item><guid>a&nbsp;b&euro;&#146;&amp;#1;</guid></item>'),
      rss('<item><guid><![CDATA[ id-1 ]]></guid></item><item><guid>Fish & Chips</guid></item>'),
      // café’ in windows-1252, declared, then undeclared (not UTF-8: read as windows-1252)
      latin(
        '<?xml version="1.0" encoding="windows-1252"?><rss><channel><item><guid>caf\xe9\x92</guid></item></channel></rss>',
      ),
      latin('<rss><channel><item><guid>caf\xe9\x92</guid></item></channel></rss>'),
    ];
    for (const body of cases) expect(itemIdsOf(body, '')).toEqual(parserIds(body));
  });

  it("gives the parser's ids for the CJK feeds of the chardet corpus with their charset declarations taken out", () => {
    const folder = join(agencyFixtures, 'chardet-chardet');
    let ids = 0;
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.xml'))) {
      const source = readFileSync(join(folder, name)).toString('latin1');
      const body = Buffer.from(source.replace(/(<\?xml[^>]*?)\s+encoding="[^"]*"/, '$1'), 'latin1');
      const expected = parserIds(body);
      expect(itemIdsOf(body, '')).toEqual(expected);
      ids += expected.length;
    }
    expect(ids).toBe(66);
  });

  it('reads an undeclared CJK id unlike the parser, which detects the charset, but the same at every poll', () => {
    // The parser runs a charset detector (chardet) over bytes that are neither UTF-8
    // nor declared; the scan reads them as windows-1252. Ids are nearly always ASCII
    // (all 66 of the chardet corpus are): this Korean guid is made up from a title.
    const source = readFileSync(
      join(agencyFixtures, 'chardet-chardet/tests__EUC-KR__acnnewswire.net.xml'),
    ).toString('latin1');
    const korean = /<title>([^<]*[\x80-\xff][^<]*)<\/title>/.exec(source)?.[1] ?? '';
    const body = Buffer.from(
      source.replace(' encoding="euc-kr"', '').replace(/(<guid[^>]*>)[^<]*/, `$1${korean}`),
      'latin1',
    );
    const expected = parserIds(body) as string[];
    const scanned = itemIdsOf(body, '');
    expect(expected[0]).toMatch(/[\uac00-\ud7af]/);
    expect(scanned[0]).not.toBe(expected[0]);
    expect(scanned.slice(1)).toEqual(expected.slice(1));
    expect(itemIdsOf(Buffer.from(body), '')).toEqual(scanned);
  });
});
