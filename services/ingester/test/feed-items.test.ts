// The items whose pages may complete them, from the outline. The normalizer's parser
// is the oracle over every real feed we hold: each item's one-item document, the
// item's element cut out as written, must parse to that very item (same id, link,
// headline and text) as the whole document gives it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ParsedArticle, ParseError, parseDocument } from '@wire/feeds';
import { corpusDir, samplesDir } from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import { feedItemsOf } from '../src/feed-items.js';

const context = { feedId: 'f', fetchedAt: '2026-12-07T00:00:00Z' };

function parsed(body: Buffer): ParsedArticle[] | undefined {
  try {
    return parseDocument(body, context).articles;
  } catch (err) {
    if (err instanceof ParseError) return undefined;
    throw err;
  }
}

const folders = [join(corpusDir, 'feed-libs'), join(corpusDir, 'agency-wire'), samplesDir];
const notDocuments = /\.(json|md|txt|xsd|py)$|^(LICENSE|NOTICE)$/;
const documents = folders.flatMap((folder) =>
  readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && !notDocuments.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name)),
);

const what = (article: ParsedArticle) => ({
  id: article.source.guid ?? article.source.link,
  link: article.source.link,
  headline: article.article.headlines?.[0]?.value,
  text: article.article.bodies?.find((b) => b.contentType === 'text/plain')?.value,
});

describe('feedItemsOf', () => {
  it('gives each item its id, link, lead text and the item alone as a document', () => {
    const feed = Buffer.from(
      '<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>' +
        '<link>https://x.org/</link>' +
        '<item><title>A</title><link>/news/1?utm_source=rss</link><guid>g1</guid>' +
        '<description>&lt;p&gt;One line &amp;amp; a half...&lt;/p&gt;</description><dc:creator>Kim</dc:creator></item>' +
        '<item><title>No link</title><guid>g2</guid></item>' +
        '</channel></rss>',
    );
    const [item, ...others] = feedItemsOf(feed, 'application/rss+xml');
    expect(others).toEqual([]);
    expect(item).toMatchObject({
      id: 'g1',
      link: 'https://x.org/news/1',
      leadText: 'One line & a half...',
    });
    const [alone] = parsed(Buffer.from(item?.document ?? '')) ?? [];
    expect(alone?.source).toMatchObject({ guid: 'g1', link: 'https://x.org/news/1' });
    expect(alone?.article.by).toBe('Kim');
  });

  it('gives none for a document it cannot read, nor for formats that carry whole stories', () => {
    const g2 =
      '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet><newsItem guid="urn:g2:1"/></itemSet></newsMessage>';
    for (const body of ['<html>not a feed</html>', '', g2, '<rss><channel><item><guid>g'])
      expect(feedItemsOf(Buffer.from(body), 'text/xml')).toEqual([]);
  });

  it(`cuts out items that parse alone as in their document, over the ${documents.length} documents of the corpora`, () => {
    let items = 0;
    const different: string[] = [];
    for (const path of documents) {
      const body = readFileSync(path);
      const whole = parsed(body);
      if (!whole) continue;
      // A feed may repeat a guid: the item alone matches one of the items of that id.
      const byId = Map.groupBy(whole.map(what), (article) => article.id);
      for (const item of feedItemsOf(body, '')) {
        items++;
        const alone = parsed(Buffer.from(item.document, 'utf8'));
        const expected = byId.get(item.id) ?? [];
        if (alone?.length !== 1 || expected.length === 0) {
          different.push(`${path} ${item.id}: ${alone?.length ?? 'refused'} items alone`);
          continue;
        }
        const got = JSON.stringify(what(alone[0] as ParsedArticle));
        if (!expected.some((one) => JSON.stringify(one) === got) || !got.includes(item.link))
          different.push(
            `${path} ${item.id}: ${JSON.stringify({ expected, got, link: item.link })}`,
          );
      }
    }
    expect(different).toEqual([]);
    expect(items).toBeGreaterThan(300);
  });
});
