// Full text end to end (issue 16): feeds that carry one-line leads, their article
// pages written like the agencies' own (Yonhap's, AP's, an AFP story on a France 24
// page, a Korean page in EUC-KR, a Chinese one in GB2312), served on loopback; the
// three services as real processes against the real Kafka and Redis. Each lead is
// published at once, marked `lead`, then the whole clean story as an update of the
// same story, marked `page`. Hostile pages (a gzip bomb, a redirect to the cloud
// metadata address, a page that never ends, a 404, one robots.txt forbids, one with
// no story) leave their lead published and marked partial; only the page with no
// story is a dead letter.
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runReplay, type ServiceProcess, startPipelineProcesses } from '@wire/cli';
import { allTopics, createKafkaClient, ensureTopics, topicCatalogue } from '@wire/kafka';
import {
  createIptcNinjsValidator,
  groupLag,
  pipelineEnv,
  type ReadRecord,
  readTopics,
  repoRoot,
  type TopicReader,
  testBrokers,
  testRedisUrl,
  uniqueNamespace,
  waitUntil,
  writeFeedRegistry,
} from '@wire/testkit';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ns = uniqueNamespace('fulltext');
const topics = topicCatalogue(ns);
const fixture = (file: string) =>
  readFileSync(new URL(`../fixtures/full-text/${file}`, import.meta.url));
const yonhapPage = readFileSync(
  `${repoRoot}/packages/feeds/test/fixtures/article-pages/written/yonhap-en-state-dept.html`,
);

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const html = (body: Buffer | string, contentType = 'text/html; charset=utf-8'): Handler => {
  return (_req, res) => res.writeHead(200, { 'content-type': contentType }).end(body);
};

// A page bomb: 64 MiB of markup that gzip squeezes into a few dozen kilobytes.
const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, '<p>boom</p>'));

const routes = new Map<string, Handler>([
  ['/robots.txt', html('User-agent: *\nDisallow: /members/\n', 'text/plain')],
  ['/view/AEN20230203000400315', html(yonhapPage)],
  ['/article/fed-rates', html(fixture('ap-en-fed-rates.html'))],
  ['/members/glacier', html(fixture('afp-en-glacier.html'))],
  [
    '/view/AKR20231201000100003',
    // No charset in the header: the page's <meta http-equiv> says EUC-KR.
    html(iconv.encode(fixture('yonhap-ko-exports.html').toString('utf8'), 'euc-kr'), 'text/html'),
  ],
  [
    '/politics/harvest.htm',
    html(
      iconv.encode(fixture('xinhua-zh-harvest.html').toString('utf8'), 'gb2312'),
      'text/html; charset=GB2312',
    ),
  ],
  [
    '/hostile/bomb',
    (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(bomb),
  ],
  [
    '/hostile/metadata',
    (_req, res) =>
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
  ],
  [
    '/hostile/endless',
    (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><article><p>');
      const drip = setInterval(() => res.write('drip '), 200);
      req.socket.on('close', () => clearInterval(drip));
    },
  ],
  ['/members/forbidden', html(fixture('ap-en-fed-rates.html'))],
  [
    '/hostile/empty',
    html(
      '<!DOCTYPE html><html><head><title>Not here</title></head><body><nav><a href="/">Home</a></nav></body></html>',
    ),
  ],
]);

const archive = mkdtempSync(join(tmpdir(), `${ns}archive-`));
let server: Server;
let base = '';
const requests = new Map<string, number>();

function rss(items: string, namespaces = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"${namespaces}>
<channel><title>Test wire</title><link>${base}/</link><description>leads only</description>
${items}
</channel></rss>`;
}

function item(guid: string, path: string, title: string, lead: string, date: string): string {
  return `<item><title>${title}</title><link>${base}${path}</link><guid isPermaLink="false">${guid}</guid>
<description><![CDATA[${lead}]]></description><pubDate>${date}</pubDate></item>`;
}

function feeds(): Map<string, string> {
  return new Map([
    [
      '/yna.xml',
      rss(
        item(
          'AEN20230203000400315',
          '/view/AEN20230203000400315',
          'US remains ready to engage with N. Korea, but holding N. Korea accountable important: State Dept.',
          'The United States remains ready to engage with North Korea diplomatically, a state department spokesperson said Thursday.',
          'Fri, 03 Feb 2023 07:31:00 +0900',
        ) +
          item(
            'AKR20231201000100003',
            '/view/AKR20231201000100003',
            '11월 수출 7.8% 증가…두 달 연속 플러스',
            '반도체 수출이 살아나면서 지난달 수출이 1년 전보다 7.8% 늘었다.',
            'Fri, 01 Dec 2023 09:00:00 +0900',
          ),
      ),
    ],
    [
      '/ap.xml',
      rss(
        item(
          'apnews-fed-rates-2023-12-13',
          '/article/fed-rates',
          'Fed holds rates steady and signals patience as inflation cools',
          'WASHINGTON (AP) — The Federal Reserve left its key interest rate unchanged Wednesday and signaled it is in no hurry to cut borrowing costs, saying inflation has eased but remains above its 2% target, while its policymakers now expect to cut rates three times next year, more than they had...',
          'Wed, 13 Dec 2023 19:37:00 GMT',
        ) +
          item(
            'xinhua-harvest-2023-12-11',
            '/politics/harvest.htm',
            '全国粮食总产量再创新高',
            '国家统计局11日发布数据，全国粮食总产量再创历史新高。',
            'Mon, 11 Dec 2023 08:02:38 GMT',
          ),
      ),
    ],
    [
      '/afp.xml',
      rss(
        item(
          'afp-glacier-2023-09-28',
          '/members/glacier',
          'Swiss glaciers lost 4 percent of their volume this year, scientists say',
          "Switzerland's glaciers lost four percent of their total volume this year.",
          'Thu, 28 Sep 2023 08:12:00 GMT',
        ),
      ),
    ],
    [
      '/hostile.xml',
      rss(
        [
          ['bomb', 'A page that inflates to 64 MiB'],
          ['metadata', 'A page that redirects to the cloud metadata address'],
          ['endless', 'A page that never ends'],
          ['gone', 'A page that is not there'],
          ['empty', 'A page with no story on it'],
        ]
          .map(([name, title], index) =>
            item(
              `hostile-${name}`,
              `/hostile/${name}`,
              title as string,
              `${title}: the lead is all the feed has.`,
              `Mon, 04 Dec 2023 0${index}:00:00 GMT`,
            ),
          )
          .join('') +
          item(
            'hostile-forbidden',
            '/members/forbidden',
            'A page robots.txt forbids',
            'A page robots.txt forbids: the lead is all the feed has.',
            'Mon, 04 Dec 2023 06:00:00 GMT',
          ),
      ),
    ],
  ]);
}

const textOf = (article: { bodies?: { contentType: string; value: string }[] }) =>
  article.bodies?.find((b) => b.contentType === 'text/plain')?.value ?? '';
const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('full text from article pages, through the whole pipeline', () => {
  let services: ServiceProcess[] = [];
  let publicTopic: TopicReader;
  let rawTopic: TopicReader;
  let deadLetters: TopicReader;
  const byKey = (key: string) => publicTopic.records.filter((r) => r.key === key);
  const article = (record: ReadRecord | undefined) => JSON.parse(record?.value?.toString() ?? '{}');
  const drained = async () =>
    (await groupLag(testBrokers, `${ns}wire-normalizer`, topics.raw.name)) === 0 &&
    (await groupLag(testBrokers, `${ns}wire-publisher`, topics.normalized.name)) === 0;

  beforeAll(async () => {
    await ensureTopics(
      createKafkaClient({ brokers: testBrokers, clientId: 'e2e' }),
      allTopics(topics),
    );
    server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0] as string;
      requests.set(path, (requests.get(path) ?? 0) + 1);
      const feed = feeds().get(path);
      if (feed) return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed);
      const route = routes.get(path);
      if (route) return route(req, res);
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const registry = writeFeedRegistry(ns, [
      { id: 'yna', agency: 'yna', url: `${base}/yna.xml`, identity: 'yonhap', fullText: 'auto' },
      { id: 'ap', agency: 'ap', url: `${base}/ap.xml`, fullText: 'auto' },
      { id: 'afp', agency: 'afp', url: `${base}/afp.xml`, fullText: 'always', licensed: true },
      { id: 'hostile', agency: 'test', url: `${base}/hostile.xml`, fullText: 'always' },
    ]);
    publicTopic = await readTopics(testBrokers, [topics.articles.name]);
    rawTopic = await readTopics(testBrokers, [topics.raw.name]);
    deadLetters = await readTopics(testBrokers, [topics.dlq.name]);
    services = startPipelineProcesses(
      {
        ...pipelineEnv(ns),
        LOG_LEVEL: 'info',
        FETCH_TIMEOUT_MS: '2000',
        FETCH_MAX_BYTES: String(4 * 1024 * 1024),
        MAX_PAGES_PER_TURN: '8',
        ARCHIVE_DIR: archive,
      },
      registry,
    );
  });

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await publicTopic?.close();
    await rawTopic?.close();
    await deadLetters?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('publishes the Yonhap lead at once, marked lead, then the whole clean story as its update', async () => {
    const key = 'urn:wire:yna:AEN202302030004';
    await publicTopic.waitFor(() => byKey(key).length >= 2, 90_000);
    const [lead, full] = byKey(key);
    expect(lead?.headers).toMatchObject({
      ce_type: 'dev.wire.article.created.v1',
      ce_fulltext: 'lead',
    });
    expect(full?.headers).toMatchObject({
      ce_type: 'dev.wire.article.updated.v1',
      ce_fulltext: 'page',
      ce_islatest: 'true',
    });
    const story = article(full);
    const text = textOf(story);
    // The first and last paragraphs of the story, its dateline and credit taken out.
    expect(text).toMatch(/^[^\n]*State Department Press Secretary Ned Price is seen speaking/);
    expect(text).toContain('The United States remains ready to engage with North Korea');
    expect(text.trimEnd()).toMatch(/People's Republic of China\.$/);
    expect(story.located).toBe('WASHINGTON');
    expect(text).not.toMatch(
      /WASHINGTON\s*--|\(Yonhap\)|Back To Top|Related Articles|Most Viewed|Subscribe/,
    );
    // The caption once, and with its picture.
    expect(occurrences(text, 'Ned Price is seen speaking')).toBe(1);
    const pictures = (story.associations ?? []).filter(
      (a: { type: string }) => a.type === 'picture',
    );
    expect(pictures).toHaveLength(1);
    expect(pictures[0].uri).toBe(`${base}/photo/yna/YH/2023/02/03/PYH2023020300010034000_P4.jpg`);
    expect(pictures[0].descriptions[0].value).toContain('Ned Price is seen speaking');
    expect(story.headlines[0].value).toBe(article(lead).headlines[0].value);
    expect(createIptcNinjsValidator()(story)).toEqual([]);
  });

  it('completes the AP lead cut off with an ellipsis, without the page chrome', async () => {
    const records = await publicTopic.waitFor(
      (r) =>
        r.some(
          (x) =>
            x.headers.ce_feedid === 'ap' &&
            x.headers.ce_fulltext === 'page' &&
            article(x).headlines[0].value.startsWith('Fed'),
        ),
      60_000,
    );
    const full = records.find(
      (x) =>
        x.headers.ce_feedid === 'ap' &&
        x.headers.ce_fulltext === 'page' &&
        article(x).headlines[0].value.startsWith('Fed'),
    );
    const story = article(full);
    const text = textOf(story);
    expect(text).toMatch(/^The Federal Reserve left its key interest rate unchanged/);
    expect(text).toContain('Associated Press writer Fatima Hussein contributed to this report.');
    expect(story.located).toBe('WASHINGTON');
    for (const chrome of [
      'Back To Top',
      'Share',
      'Related Stories',
      'ADVERTISEMENT',
      'More From AP',
      'Sign up',
    ])
      expect(text).not.toContain(chrome);
    // A caption is never there without its picture, nor twice.
    const caption = 'Federal Reserve Chair Jerome Powell speaks during a news conference';
    expect(occurrences(text, caption)).toBeLessThanOrEqual(1);
  });

  it("fetches a licensed agency's page robots.txt forbids, and reads pages in EUC-KR and GB2312", async () => {
    await publicTopic.waitFor(
      (r) => r.filter((x) => x.headers.ce_fulltext === 'page').length >= 5,
      60_000,
    );
    const pages = publicTopic.records.filter((x) => x.headers.ce_fulltext === 'page').map(article);
    const afp = pages.find((a) => a.headlines[0].value.startsWith('Swiss glaciers'));
    expect(textOf(afp)).toContain('Glacier Monitoring Switzerland (GLAMOS)');
    expect(textOf(afp)).not.toMatch(/Facebook|Read more on this topic|Back to top/);
    const korean = pages.find((a) => a.headlines[0].value.startsWith('11월 수출'));
    expect(textOf(korean)).toContain(
      '반도체 수출은 96억 달러로 12.9% 늘어 16개월 만에 증가로 돌아섰다.',
    );
    expect(textOf(korean)).not.toMatch(/\uFFFD|페이스북|관련 뉴스|맨위로/);
    const chinese = pages.find((a) => a.headlines[0].value === '全国粮食总产量再创新高');
    expect(textOf(chinese)).toContain('全国粮食播种面积17.85亿亩，比上年增加954.6万亩');
    expect(textOf(chinese)).not.toMatch(/\uFFFD|相关新闻/);
  });

  it("takes each page's dateline into located and leaves nothing around the story", () => {
    const pages = publicTopic.records.filter((x) => x.headers.ce_fulltext === 'page').map(article);
    const page = (headline: string) => pages.find((a) => a.headlines[0].value.startsWith(headline));
    const afp = page('Swiss glaciers');
    expect(afp?.located).toBe('Geneva');
    expect(textOf(afp)).toMatch(/^Switzerland's glaciers lost four percent/);
    expect(textOf(afp)).not.toMatch(/Issued on|\(AFP\)/);
    const korean = page('11월 수출');
    expect(korean?.located).toBe('세종');
    expect(textOf(korean)).toMatch(/^반도체 수출이 살아나면서/);
    expect(textOf(korean).trimEnd()).toMatch(/내다봤다\.$/);
    expect(textOf(korean)).not.toMatch(/송고시간|연합뉴스|저작권자|@yna\.co\.kr/);
    const chinese = page('全国粮食总产量再创新高');
    expect(chinese?.located).toBe('北京');
    expect(textOf(chinese)).toMatch(/^国家统计局11日发布数据/);
    expect(textOf(chinese)).not.toMatch(/来源|新华社|责任编辑|全国粮食总产量再创新高/);
  });

  it("leaves each hostile page's lead published once, marked lead, and dead-letters only the page with no story", async () => {
    const hostile = () => publicTopic.records.filter((r) => r.headers.ce_feedid === 'hostile');
    await publicTopic.waitFor(() => hostile().length >= 6, 60_000);
    const [letter] = await deadLetters.waitFor((r) => r.length >= 1, 60_000);
    expect(letter?.headers).toMatchObject({
      'wire-dlq-reason': 'PAGE_NO_STORY',
      'wire-feed-id': 'hostile',
      'wire-item-id': 'hostile-empty',
    });
    // The endless page ran into its deadline at least once; wait for it to come round again.
    await waitUntil(() => (requests.get('/hostile/endless') ?? 0) >= 1, {
      what: 'the endless page',
    });
    await waitUntil(drained, { what: 'normalizer and publisher to drain' });
    expect(hostile()).toHaveLength(6);
    for (const record of hostile()) {
      expect(record.headers).toMatchObject({
        ce_type: 'dev.wire.article.created.v1',
        ce_fulltext: 'lead',
      });
    }
    expect(requests.get('/members/forbidden') ?? 0).toBe(0);
    expect(deadLetters.records).toHaveLength(1);
    // No page record for a page that was refused.
    const pageRecords = rawTopic.records.filter((r) =>
      r.headers['wire-item-id']?.startsWith('hostile-'),
    );
    expect(pageRecords.map((r) => r.headers['wire-item-id'])).toEqual(['hostile-empty']);
  });

  it('publishes each story exactly once more polls later, and counts pages in the metrics', async () => {
    const pollsBefore = requests.get('/yna.xml') ?? 0;
    await waitUntil(() => (requests.get('/yna.xml') ?? 0) >= pollsBefore + 2, {
      what: 'two more polls',
    });
    await waitUntil(drained, { what: 'normalizer and publisher to drain' });
    const ids = publicTopic.records.map((r) => r.headers.ce_id);
    expect(new Set(ids).size).toBe(ids.length);
    // Five stories with a page, six hostile leads: each lead once, each page once.
    expect(publicTopic.records.filter((r) => r.headers.ce_fulltext === 'page')).toHaveLength(5);
    expect(publicTopic.records.filter((r) => r.headers.ce_fulltext === 'lead')).toHaveLength(11);
    expect(requests.get('/view/AEN20230203000400315')).toBe(1);

    const ingester = services[2];
    const ops = ingester?.logs.map((l) => /"ops":"(http:[^"]+)"/.exec(l)?.[1]).find(Boolean);
    const metrics = await (await fetch(`${ops}/metrics`)).text();
    expect(metrics).toMatch(
      /wire_ingester_pages_total\{feed="yna",outcome="published",code="",service="ingester"\} 2/,
    );
    for (const code of ['TOO_LARGE', 'ADDRESS_REFUSED', 'HTTP_ERROR', 'ROBOTS'])
      expect(metrics).toMatch(
        new RegExp(
          `wire_ingester_pages_total\\{feed="hostile",outcome="refused",code="${code}",service="ingester"\\} 1`,
        ),
      );
    expect(metrics).toMatch(
      /wire_ingester_pages_total\{feed="hostile",outcome="retry",code="TIMEOUT",service="ingester"\} [1-9]/,
    );
    // The status page's full-text column: pages published of those settled, per feed.
    const status = (await (await fetch(`${ops}/status.json`)).json()) as {
      feeds: { id: string; fullText?: unknown }[];
    };
    const fullText = Object.fromEntries(status.feeds.map((feed) => [feed.id, feed.fullText]));
    expect(fullText).toEqual({
      yna: { mode: 'auto', published: 2, failed: 0 },
      ap: { mode: 'auto', published: 2, failed: 0 },
      afp: { mode: 'always', published: 1, failed: 0 },
      // The page with no story was fetched and published (the normalizer dead-lettered
      // it); the endless one is still being retried.
      hostile: { mode: 'always', published: 1, failed: 4 },
    });
  });

  it("replays the ingester's archive offline into the same full-text articles", async () => {
    const out: string[] = [];
    const code = await runReplay({
      paths: [archive],
      dryRun: true,
      files: { feedId: 'replay', agency: 'test', identity: 'guid' },
      env: { KAFKA_BROKERS: testBrokers.join(','), REDIS_URL: testRedisUrl },
      print: (line) => out.push(line),
      printError: () => undefined,
      progress: { isTTY: false, write: () => true },
    });
    expect(code).toBe(0);
    const replayed = out
      .map(
        (line) =>
          JSON.parse(line) as { topic: string; headers: Record<string, string>; value: unknown },
      )
      .filter((line) => line.topic === 'news.articles.v1');
    const events = (records: { headers: Record<string, string> }[], kind: string) =>
      records
        .filter((r) => r.headers.ce_fulltext === kind)
        .map((r) => r.headers.ce_id)
        .sort();
    // The same events, ids included: the same stories, revisions and text.
    expect(events(replayed, 'page')).toEqual(events(publicTopic.records, 'page'));
    expect(events(replayed, 'lead')).toEqual(events(publicTopic.records, 'lead'));
  });
});
