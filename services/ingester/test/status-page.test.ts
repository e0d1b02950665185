import { describe, expect, it } from 'vitest';
import type { FeedHealth } from '../src/feed-health.js';
import type { Feed } from '../src/feed-registry.js';
import { renderStatusPage } from '../src/status-page.js';
import { readStatusReport, type StatusReport } from '../src/status-report.js';

const now = Date.parse('2026-11-28T10:00:00Z');
const feed = (id: string, url: string, agency = 'yna'): Feed =>
  ({ id, agency, url, intervalSeconds: 60 }) as Feed;
const hours = (last: number) => [...Array.from({ length: 23 }, () => 1), last];

async function report(health: FeedHealth[], feeds: Feed[]): Promise<StatusReport> {
  return readStatusReport({
    feeds,
    readHealth: async (ids) => health.filter((h) => ids.includes(h.feed)),
    samples: () => [
      { at: now - 60_000, ends: { raw: 10, dlq: 0 }, lags: [] },
      {
        at: now,
        ends: { raw: 40, dlq: 0 },
        lags: [{ group: 'wire-normalizer', topic: 'raw', lag: 7 }],
      },
    ],
    stages: [
      { stage: 'ingester', topic: 'raw' },
      { stage: 'normalizer', topic: 'normalized' },
      { stage: 'dead letters', topic: 'dlq' },
    ],
    instance: 'host-a-12',
    sampleSeconds: 60,
    now: () => now,
  });
}

const healthy: FeedHealth = {
  feed: 'yna-en',
  status: '200',
  lastAttemptAt: '2026-11-28T09:59:00.000Z',
  lastSuccessAt: '2026-11-28T09:59:00.000Z',
  nextPollAt: '2026-11-28T10:00:30.000Z',
  consecutiveFailures: 0,
  documentsPublished: 3,
  itemsSeen: 30,
  gaps: 0,
  quiet: false,
  pagesPublished: 0,
  pagesFailed: 0,
  polledBy: 'host-b-7',
  itemsPerHour: hours(5),
};
const broken: FeedHealth = {
  ...healthy,
  feed: 'afp-fr',
  status: '500',
  lastAttemptAt: '2026-11-28T09:58:00.000Z',
  lastSuccessAt: '2026-11-27T22:00:00.000Z',
  consecutiveFailures: 4,
  itemsPerHour: hours(0),
};

describe('the status report', () => {
  it('lists every feed of the registry with its state, even one never polled', async () => {
    const r = await report(
      [healthy, broken],
      [
        feed('yna-en', 'https://yna.example/rss.xml?key=s3cret'),
        feed('afp-fr', 'https://afp.example/a'),
        feed('kyodo', 'https://kyodo.example/k'),
      ],
    );
    expect(r.feeds.map((f) => [f.id, f.condition])).toEqual([
      ['yna-en', 'ok'],
      ['afp-fr', 'failing'],
      ['kyodo', 'never polled'],
    ]);
    expect(r.feeds[0]).toMatchObject({
      url: 'https://yna.example/rss.xml',
      itemsLast24h: 28,
      polledBy: 'host-b-7',
      nextPollAt: '2026-11-28T10:00:30.000Z',
    });
    expect(r.feeds[2]).toEqual({
      id: 'kyodo',
      agency: 'yna',
      url: 'https://kyodo.example/k',
      condition: 'never polled',
      intervalSeconds: 60,
      consecutiveFailures: 0,
      itemsPerHour: [],
      itemsLast24h: 0,
    });
    expect(JSON.stringify(r)).not.toContain('s3cret');
  });

  it('gives each stage its records per minute and the latest lag', async () => {
    const r = await report([], []);
    expect(r.stages).toEqual([
      { stage: 'ingester', topic: 'raw', recordsPerMinute: 30, perMinute: [30] },
      { stage: 'normalizer', topic: 'normalized', perMinute: [] },
      { stage: 'dead letters', topic: 'dlq', recordsPerMinute: 0, perMinute: [0] },
    ]);
    expect(r.lags).toEqual([{ group: 'wire-normalizer', topic: 'raw', lag: 7 }]);
  });
});

describe('the status page', () => {
  it('shows a row per feed, the failing one first, with its state, times and a sparkline', async () => {
    const html = renderStatusPage(
      await report(
        [healthy, broken],
        [feed('yna-en', 'https://yna.example/rss.xml'), feed('afp-fr', 'https://afp.example/a')],
      ),
    );
    const rows = [
      ...html.matchAll(/<tr data-feed="([^"]+)" data-state="([^"]+)">([\s\S]*?)<\/tr>/g),
    ];
    expect(rows.map((m) => [m[1], m[2]])).toEqual([
      ['afp-fr', 'failing'],
      ['yna-en', 'ok'],
    ]);
    const ok = rows[1]?.[3] ?? '';
    expect(ok).toContain('<time datetime="2026-11-28T09:59:00.000Z">1 min ago</time>');
    expect(ok).toContain('2026-11-28 09:59:00 UTC');
    expect(ok).toContain('in 30 s');
    expect(ok).toContain('host-b-7');
    expect(ok).toMatch(/<svg class="spark"[^>]*aria-label="28 new items in the last 24 hours"/);
    expect(rows[0]?.[3]).toMatch(/<td class="num">4<\/td>/);
    expect(html).toContain('2 feeds: <span class="badge badge-failing">1 failing</span>');
    expect(html).toContain('<meta http-equiv="refresh" content="30">');
    expect(html).not.toMatch(/<script/i);
  });

  it("shows the share of a full-text feed's pages that were published, and off for the others", async () => {
    const pages: FeedHealth = { ...healthy, feed: 'yna-ko', pagesPublished: 6, pagesFailed: 2 };
    const html = renderStatusPage(
      await report(
        [healthy, pages],
        [
          feed('yna-en', 'https://yna.example/rss.xml'),
          { ...feed('yna-ko', 'https://yna.example/ko.xml'), fullText: 'auto' },
        ],
      ),
    );
    const rows = new Map(
      [...html.matchAll(/<tr data-feed="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => [m[1], m[2]]),
    );
    expect(html).toContain('<th>Full text</th>');
    expect(rows.get('yna-ko')).toContain(
      '<span class="num">75 %</span><div class="muted">6 of 8 pages · auto</div>',
    );
    expect(rows.get('yna-en')).toContain('<span class="muted">off</span>');
  });

  it('shows the stages and the consumer lag', async () => {
    const html = renderStatusPage(await report([], []));
    expect(html).toMatch(
      /<tr data-topic="raw">\s*<td>ingester<\/td><td class="mono">raw<\/td><td class="num">30<\/td>/,
    );
    expect(html).toMatch(
      /<tr data-topic="normalized">\s*<td>normalizer<\/td><td class="mono">normalized<\/td><td class="num">–<\/td>/,
    );
    expect(html).toContain(
      '<td class="mono">wire-normalizer</td><td class="mono">raw</td><td class="num">7</td>',
    );
  });

  it('escapes feed ids, agencies, URLs, statuses and the instance name', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const r = await report(
      [{ ...healthy, feed: evil, status: '"><b>', polledBy: '<i>me</i>' }],
      [feed(evil, 'https://x.example/<script>?t=1', `"${evil}`)],
    );
    const html = renderStatusPage({ ...r, instance: '<u>host</u>' });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('last: &quot;&gt;&lt;b&gt;');
    expect(html).toContain('&lt;i&gt;me&lt;/i&gt;');
    expect(html).toContain('&quot;&lt;img');
    expect(html).not.toContain('<i>');
    expect(html).not.toContain('<u>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('https://x.example/%3Cscript%3E');
  });
});
