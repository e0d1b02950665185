import { readFileSync } from 'node:fs';
import type { RawDocumentHeaders } from '@wire/schema';
import { samplePath } from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import { maxArticleBytes, type NormalizeDependencies, normalizeDocument } from '../src/index.js';
import { memoryDependencies } from './memory-dependencies.js';

const headers: RawDocumentHeaders = {
  'wire-feed-id': 'yna-en-news',
  'wire-agency': 'yna',
  'wire-url': 'http://127.0.0.1/news.xml',
  'wire-fetch-id': 'f1',
  'wire-fetched-at': '2026-11-28T10:00:00.000Z',
  'wire-http-status': '200',
  'wire-content-type': 'application/rss+xml',
  'wire-sha256': 'a'.repeat(64),
  'wire-identity': 'yonhap',
};

function pipeline() {
  const { deps, published, values, deadLetters } = memoryDependencies();
  const run = async (
    file: string | Buffer,
    deliveryId = 'd1',
    extra: Record<string, string> = {},
  ) => {
    const result = await normalizeDocument(
      {
        value: typeof file === 'string' ? readFileSync(samplePath(file)) : file,
        headers: { ...(headers as Record<string, string>), ...extra },
        deliveryId,
      },
      deps,
    );
    await result.afterCommit();
    return result.summary;
  };
  return { deps, published, values, deadLetters, run };
}

describe('normalizeDocument', () => {
  it("reads dates without a zone in the feed's registered time zone, without a warning", async () => {
    const { run, published } = pipeline();
    const feed = Buffer.from(
      '<rss version="2.0"><channel><item><title>Zone-less</title><guid>tz-1</guid>' +
        '<description>Body.</description><pubDate>2024-07-10 12:00:00</pubDate></item></channel></rss>',
    );
    await run(feed, 'd1', { 'wire-identity': 'guid', 'wire-time-zone': 'Europe/Paris' });
    expect(published.at(-1)?.article.versionCreated).toBe('2024-07-10T10:00:00.000Z');
    expect(published.at(-1)?.warnings.filter((w) => w.includes('time zone'))).toEqual([]);
    const other = feed.toString().replace('tz-1', 'tz-2').replace('Zone-less', 'Another zone-less');
    await run(Buffer.from(other), 'd2', {
      'wire-identity': 'guid',
    });
    expect(published.at(-1)?.warnings.some((w) => w.includes('no time zone'))).toBe(true);
  });

  it("gives the ninjs version the agency's own version, the story's sequence where there is none", async () => {
    const { run, published } = pipeline();
    await run('yonhap-g2-v2-correction.xml', 'd1', { 'wire-identity': 'guid' });
    const g2 = published.at(-1);
    expect(g2?.source.version).toBe('2');
    expect(g2?.article.version).toBe('2');
    expect(g2?.revision).toMatch(/^[0-9a-f]{16}$/);
    await run('yonhap-en-news.xml', 'd2');
    const rss = published.at(-1);
    // No version in the source: the story's sequence, given by the ledger.
    expect(rss?.source.version).toBeUndefined();
    expect(rss?.article.version).toMatch(/^\d+$/);
    expect(rss?.article.version).not.toBe(rss?.revision);
  });

  it('publishes every story of a new feed as created', async () => {
    const { run, published } = pipeline();
    const summary = await run('yonhap-en-news.xml');
    expect(summary).toMatchObject({ articles: 3, published: 3, duplicates: 0, deadLetters: 0 });
    expect(published.map((a) => a.verdict)).toEqual(['created', 'created', 'created']);
    expect(published.map((a) => a.uri).sort()).toEqual([
      'urn:wire:yna:AEN202302010010',
      'urn:wire:yna:AEN202302020041',
      'urn:wire:yna:AEN202302030004',
    ]);
    expect(published.every((a) => a.feedId === 'yna-en-news')).toBe(true);
  });

  it("publishes a document's items oldest first, whatever order the feed lists them in", async () => {
    const { run, published } = pipeline();
    // The later poll lists the (LEAD) re-filing above the original it updates.
    await run('yonhap-en-news-later.xml');
    const times = published.map((a) => a.article.versionCreated ?? '');
    expect(times).toEqual([...times].sort());
    const story = published.filter((a) => a.uri === 'urn:wire:yna:AEN202302030004');
    expect(story.map((a) => [a.verdict, a.source.wirePrefix ?? ''])).toEqual([
      ['created', ''],
      ['updated', '(LEAD)'],
    ]);
  });

  it('publishes a story seen in another section feed, or polled again, only once', async () => {
    const { run, published } = pipeline();
    await run('yonhap-en-news.xml', 'd1');
    const again = await run('yonhap-en-northkorea.xml', 'd2');
    expect(again).toMatchObject({ articles: 2, published: 0, duplicates: 2 });
    expect(published).toHaveLength(3);
  });

  it('publishes a re-filed (LEAD) story as an update that keeps the first creation time', async () => {
    const { run, published } = pipeline();
    await run('yonhap-en-news.xml', 'd1');
    await run('yonhap-en-news-later.xml', 'd2');
    expect(published).toHaveLength(4);
    const lead = published[3];
    expect(lead?.verdict).toBe('updated');
    expect(lead?.uri).toBe('urn:wire:yna:AEN202302030004');
    const first = published.find((a) => a.uri === 'urn:wire:yna:AEN202302030004');
    expect(lead?.article.firstCreated).toBe(first?.article.versionCreated);
  });

  it('dead-letters a malformed document with its reason and publishes nothing', async () => {
    const { run, published, deadLetters } = pipeline();
    const summary = await run(Buffer.from('<rss><channel><item></rss>'));
    expect(summary.deadLetters).toBe(1);
    expect(deadLetters[0]?.code).toBe('XML_MALFORMED');
    expect(published).toHaveLength(0);
  });

  it('dead-letters a record whose headers are not a raw document', async () => {
    const { run, deadLetters } = pipeline();
    await run('yonhap-en-news.xml', 'd1', { 'wire-sha256': 'nope' });
    expect(deadLetters[0]?.code).toBe('RAW_HEADERS_INVALID');
  });

  it('releases the claim when Kafka does not acknowledge, so the redelivery publishes', async () => {
    const { run, deps, published } = pipeline();
    const publish = deps.publishNormalized;
    deps.publishNormalized = async () => {
      throw new Error('broker down');
    };
    await expect(run('yonhap-en-news.xml', 'd1')).rejects.toThrow('broker down');
    deps.publishNormalized = publish;
    const retried = await run('yonhap-en-news.xml', 'd2');
    expect(retried.published).toBe(3);
    expect(published).toHaveLength(3);
  });

  it('waits while another instance holds the claim, then counts its work as done', async () => {
    const { run, deps } = pipeline();
    const first = await normalizeDocumentClaims(deps);
    let sleeps = 0;
    deps.sleep = async () => {
      sleeps++;
      if (sleeps === 2) await deps.claims.markDone(first);
    };
    const summary = await run('yonhap-en-news.xml', 'other-instance');
    expect(sleeps).toBe(2);
    expect(summary).toMatchObject({ published: 2, duplicates: 1 });
  });
});

describe('normalizeDocument on unreliable guids', () => {
  it('identifies items that share one guid by their links, and says so', async () => {
    const { run, published } = pipeline();
    const feed = Buffer.from(
      '<rss version="2.0"><channel>' +
        '<item><title>One</title><guid>same</guid><link>https://x.org/1</link><description>a</description></item>' +
        '<item><title>Two</title><guid>same</guid><link>https://x.org/2</link><description>b</description></item>' +
        '</channel></rss>',
    );
    const summary = await run(feed, 'd1', { 'wire-identity': 'guid' });
    expect(summary.published).toBe(2);
    expect(new Set(published.map((a) => a.uri)).size).toBe(2);
    expect(summary.warnings).toContain(
      'guid "same" names several items; they are identified by link',
    );
  });
});

describe('normalizeDocument on unstable guids', () => {
  const poll = (guid: string, text: string) =>
    Buffer.from(
      `<rss version="2.0"><channel><item><title>Story</title><guid>${guid}</guid>` +
        `<link>https://x.org/story?utm_source=rss</link><description>${text}</description></item></channel></rss>`,
    );

  it('keeps the first uri of a link when the feed gives the story a new guid', async () => {
    const { run, published } = pipeline();
    await run(poll('g-1', 'first text'), 'd1', { 'wire-identity': 'guid' });
    await run(poll('g-2', 'first text'), 'd2', { 'wire-identity': 'guid' });
    await run(poll('g-3', 'second text'), 'd3', { 'wire-identity': 'guid' });
    expect(published.map((a) => a.verdict)).toEqual(['created', 'updated']);
    expect(published[1]?.uri).toBe(published[0]?.uri);
  });
});

describe('normalizeDocument on near duplicates', () => {
  const story =
    'SEOUL -- North Korea fired a short-range ballistic missile into the East Sea on Friday, ' +
    "the South's Joint Chiefs of Staff said, the third launch this month. The missile flew about " +
    "600 kilometers before falling into waters outside Japan's exclusive economic zone, the JCS " +
    'said in a text message sent to reporters. South Korea and the United States are analyzing ' +
    'the details of the launch, including its range and altitude, and the military has stepped ' +
    'up its surveillance and is maintaining a full readiness posture, it added. Pyongyang has ' +
    'fired a series of missiles in recent weeks in protest against joint military drills.';
  const rss = (guid: string, body: string, title = 'N. Korea fires missile into East Sea') =>
    Buffer.from(
      `<rss version="2.0"><channel><item><title>${title}</title><guid>${guid}</guid>` +
        `<description>${body}</description><pubDate>Fri, 03 Feb 2023 08:15:00 +0900</pubDate></item></channel></rss>`,
    );
  const byGuid = { 'wire-identity': 'guid' };

  it('publishes a story re-filed under a new id by the same agency once, as that story', async () => {
    const { run, published } = pipeline();
    await run(rss('A-1', story), 'd1', byGuid);
    const refiled = await run(rss('A-2', story), 'd2', byGuid);
    expect(refiled).toMatchObject({ published: 0, duplicates: 1 });
    expect(published).toHaveLength(1);
  });

  it('joins a re-filing with a changed boilerplate line to the first story as an update', async () => {
    const { run, published } = pipeline();
    await run(rss('A-1', story), 'd1', byGuid);
    await run(rss('A-9', `${story} (END)`), 'd2', byGuid);
    expect(published.map((a) => a.verdict)).toEqual(['created', 'updated']);
    expect(published[1]?.uri).toBe(published[0]?.uri);
    expect(published[1]?.nearDuplicate).toMatchObject({
      of: published[0]?.uri,
      relation: 'same-story',
    });
    expect(published[1]?.source.guid).toBe('A-9');
  });

  it('sends every later version of a re-filing that joined a story to that story, cancel included', async () => {
    const { run, published } = pipeline();
    await run('yonhap-en-news.xml', 'd1');
    const g2 = {
      'wire-identity': 'guid',
      'wire-content-type': 'application/vnd.iptc.g2.newsitem+xml',
    };
    await run('yonhap-g2-v1.xml', 'd2', g2);
    await run('yonhap-g2-v2-correction.xml', 'd3', g2);
    await run('yonhap-g2-v3-canceled.xml', 'd4', g2);
    const story = 'urn:wire:yna:AEN202302030004';
    expect(published.slice(3).map((a) => [a.uri, a.verdict, a.isLatest])).toEqual([
      [story, 'updated', true],
      [story, 'corrected', true],
      [story, 'withdrawn', true],
    ]);
  });

  it('keeps a published item in its story when the near-duplicate index later offers another', async () => {
    const { run, deps, published } = pipeline();
    await run('yonhap-en-news.xml', 'd1');
    expect(published).toHaveLength(3);
    // The index has grown: every item now looks like a re-filing of some other story.
    deps.nearDuplicates = {
      find: async () => ({ of: 'urn:wire:yna:ELSEWHERE', distance: 1, relation: 'same-story' }),
      record: async () => undefined,
    };
    const again = await run('yonhap-en-news.xml', 'd2');
    expect(again).toMatchObject({ published: 0, duplicates: 3 });
  });

  it('counts an item already claimed by an earlier record of the same transaction as a duplicate', async () => {
    const { deps, published } = pipeline();
    const claimedInTransaction = new Set<string>();
    const record = (deliveryId: string) => ({
      value: readFileSync(samplePath('yonhap-en-news.xml')),
      headers: headers as Record<string, string>,
      deliveryId,
    });
    // Two polls of the feed in one transaction: nothing is done until it commits.
    const first = await normalizeDocument(record('raw/0/1'), { ...deps, claimedInTransaction });
    let slept = 0;
    const second = await normalizeDocument(record('raw/0/2'), {
      ...deps,
      claimedInTransaction,
      sleep: async () => {
        slept++;
        if (slept > 3) throw new Error('waited for its own transaction');
      },
    });
    expect(first.summary.published).toBe(3);
    expect(second.summary).toMatchObject({ published: 0, duplicates: 3 });
    expect(published).toHaveLength(3);
  });

  it('dead-letters an article too large for a Kafka record, and publishes the others', async () => {
    const { run, published, deadLetters } = pipeline();
    const huge = 'word '.repeat(250_000);
    const feed = `<rss version="2.0"><channel><title>t</title>
      <item><title>Small</title><guid>small-1</guid><description>A short story.</description></item>
      <item><title>Huge</title><guid>huge-1</guid><description>${huge}</description></item>
    </channel></rss>`;
    const summary = await run(Buffer.from(feed), 'd1', { 'wire-identity': 'guid' });
    expect(summary).toMatchObject({ articles: 2, published: 1, deadLetters: 1 });
    expect(published.map((a) => a.article.headlines?.[0]?.value)).toEqual(['Small']);
    expect(deadLetters).toEqual([
      expect.objectContaining({ code: 'ARTICLE_TOO_LARGE', item: '1' }),
    ]);
    // Its claim was given back: the same item, once smaller, publishes.
    const fixed = feed.replace(huge, 'Now a normal length.');
    const again = await run(Buffer.from(fixed), 'd2', { 'wire-identity': 'guid' });
    expect(again).toMatchObject({ published: 1, duplicates: 1 });
  });

  it('hands each article over with its record value: the article encoded to JSON once', async () => {
    const { run, published, values } = pipeline();
    await run('yonhap-en-news.xml');
    expect(values).toHaveLength(3);
    expect(values.map((value) => JSON.parse(value.toString('utf8')))).toEqual(
      JSON.parse(JSON.stringify(published)),
    );
  });

  it('measures an article by the bytes of that value, not its characters', async () => {
    const { run, published, values, deadLetters } = pipeline();
    const feed = (guid: string, text: string) =>
      Buffer.from(`<rss version="2.0"><channel><title>t</title>
        <item><title>큰 기사</title><guid>${guid}</guid><description>${text}</description></item>
      </channel></rss>`);
    // A tenth of the story publishes; ten times its value is under 900 KiB counted
    // in characters, over it in bytes (three for each Hangul syllable).
    await run(feed('tenth-1', '가나다라 '.repeat(8_000)), 'd1', { 'wire-identity': 'guid' });
    const tenth = values[0] as Buffer;
    expect(10 * tenth.toString('utf8').length).toBeLessThan(maxArticleBytes);
    expect(10 * tenth.length).toBeGreaterThan(maxArticleBytes);
    const summary = await run(feed('whole-1', '가나다라 '.repeat(80_000)), 'd2', {
      'wire-identity': 'guid',
    });
    expect(summary).toMatchObject({ articles: 1, published: 0, deadLetters: 1 });
    expect(published).toHaveLength(1);
    expect(deadLetters).toEqual([
      expect.objectContaining({ code: 'ARTICLE_TOO_LARGE', item: '0' }),
    ]);
  });

  it('tells apart items that share one web-address guid and its link, by their content', async () => {
    const { run, published } = pipeline();
    const item = (title: string) =>
      `<item><title>${title}</title><guid>https://agency.example/</guid><description>${title} text.</description></item>`;
    const feed = `<rss version="2.0"><channel><title>t</title>${item('One')}${item('Two')}${item('Three')}</channel></rss>`;
    const summary = await run(Buffer.from(feed), 'd1', { 'wire-identity': 'guid' });
    expect(summary).toMatchObject({ articles: 3, published: 3 });
    expect(new Set(published.map((a) => a.uri)).size).toBe(3);
    expect(published.every((a) => a.verdict === 'created')).toBe(true);
  });

  it("marks another agency's near copy as related, never dropping it", async () => {
    const { run, published } = pipeline();
    await run(rss('A-1', story), 'd1', byGuid);
    await run(rss('B-1', story), 'd2', { ...byGuid, 'wire-agency': 'other' });
    expect(published).toHaveLength(2);
    expect(published[1]?.uri).not.toBe(published[0]?.uri);
    expect(published[1]?.verdict).toBe('created');
    expect(published[1]?.nearDuplicate).toMatchObject({
      of: published[0]?.uri,
      relation: 'related',
    });
  });

  it('does not fingerprint a one-line flash: too little text', async () => {
    const { run, published } = pipeline();
    await run(rss('F-1', 'Missile fired.', 'Flash one'), 'd1', byGuid);
    await run(rss('F-2', 'Missile fired.', 'Flash two'), 'd2', byGuid);
    expect(published.map((a) => a.verdict)).toEqual(['created', 'created']);
    expect(published[1]?.nearDuplicate).toBeUndefined();
  });
});

// Claims the seed story's event key as another owner, as a concurrent instance would.
async function normalizeDocumentClaims(deps: NormalizeDependencies): Promise<string> {
  const { eventIdOf, revisionOf } = await import('../src/index.js');
  const { parseDocument } = await import('@wire/feeds');
  const [seed] = parseDocument(readFileSync(samplePath('yonhap-en-news.xml')), {
    feedId: 'f',
    fetchedAt: headers['wire-fetched-at'],
  }).articles;
  const key = deps.eventKey(eventIdOf('urn:wire:yna:AEN202302030004', revisionOf(seed as never)));
  await deps.claims.claim(key, 'busy-instance');
  return key;
}
