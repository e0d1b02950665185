// The status page as a person sees it: the real ingester process polls two local
// feeds (one healthy, one answering 500) against the real Redis and Kafka, and
// Debian's Chromium opens /status. WIRE_UPDATE_SCREENSHOT=1 saves docs/status-page.png.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { allTopics, createKafkaClient, ensureTopics, topicCatalogue } from '@wire/kafka';
import {
  repoRoot,
  testBrokers,
  testRedisUrl,
  uniqueNamespace,
  waitUntil,
  writeFeedRegistry,
} from '@wire/testkit';
import { type Browser, chromium, type Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusReport } from '../src/index.js';

const ns = uniqueNamespace('status');
const topics = topicCatalogue(ns);

/** A feed that shows two more items at every request; its URL carries a token. */
function healthyFeed(path: string, requests: () => number): Buffer {
  const items = Array.from(
    { length: 2 * requests() },
    (_, i) =>
      `<item><title>Story ${i}</title><guid>urn:test:${path}:${i}</guid><link>https://example.com/${i}</link></item>`,
  ).join('');
  return Buffer.from(
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Test</title>${items}</channel></rss>`,
  );
}

/** The text as the browser renders it: what a person reads, line breaks included. */
// biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node; rendered text is the point.
const textOf = (locator: Locator) => locator.innerText();

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('the status page in headless Chromium', () => {
  let feeds: Server;
  let ingester: ChildProcess;
  let browser: Browser;
  let ops: string;
  const logs: string[] = [];
  let healthyRequests = 0;

  beforeAll(async () => {
    await ensureTopics(
      createKafkaClient({ brokers: testBrokers, clientId: 'status-test' }),
      allTopics(topics),
    );
    feeds = createServer((req, res) => {
      if (req.url?.startsWith('/yna/news.xml')) {
        healthyRequests += 1;
        res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(healthyFeed('yna', () => healthyRequests));
      } else {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('down for maintenance\n');
      }
    });
    const feedPort = await listen(feeds);
    // The ops port: taken from a server that closes at once.
    const probe = createServer();
    const opsPort = await listen(probe);
    await new Promise((r) => probe.close(r));
    ops = `http://127.0.0.1:${opsPort}`;

    const registry = writeFeedRegistry(ns, [
      {
        id: 'yna-en-news',
        agency: 'yna',
        url: `http://127.0.0.1:${feedPort}/yna/news.xml?token=s3cret-token`,
        intervalSeconds: 2,
      },
      {
        id: 'afp-fr-wire',
        agency: 'afp',
        url: `http://127.0.0.1:${feedPort}/afp/wire.xml`,
        intervalSeconds: 2,
      },
    ]);
    ingester = spawn(process.execPath, [join(repoRoot, 'services/ingester/dist/src/main.js')], {
      env: {
        PATH: process.env.PATH ?? '',
        KAFKA_BROKERS: testBrokers.join(','),
        REDIS_URL: testRedisUrl,
        WIRE_TOPIC_PREFIX: ns,
        WIRE_REDIS_PREFIX: ns,
        FEEDS_FILE: registry,
        OPS_ADDRESS: `127.0.0.1:${opsPort}`,
        INSTANCE_ID: 'ingester-a',
        STATUS_SAMPLE_SECONDS: '1',
        MAX_BACKOFF_SECONDS: '4',
        LOG_LEVEL: 'warn',
        LOG_PRETTY: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [ingester.stdout, ingester.stderr]) {
      stream?.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));
    }

    // Polls happened, Kafka got documents, and the sampler saw the raw topic grow.
    const report = async (): Promise<StatusReport | undefined> => {
      try {
        const res = await fetch(`${ops}/status.json`);
        return res.ok ? ((await res.json()) as StatusReport) : undefined;
      } catch {
        return undefined;
      }
    };
    await waitUntil(
      async () => {
        const r = await report();
        const feed = (id: string) => r?.feeds.find((f) => f.id === id);
        const raw = r?.stages.find((s) => s.stage === 'ingester');
        return (
          (feed('yna-en-news')?.itemsLast24h ?? 0) >= 6 &&
          (feed('afp-fr-wire')?.consecutiveFailures ?? 0) >= 2 &&
          (raw?.recordsPerMinute ?? 0) > 0 &&
          (raw?.perMinute.length ?? 0) >= 5
        );
      },
      { timeoutMs: 60_000, what: `polls on the status page (logs: ${logs.join('').slice(-500)})` },
    );
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  });

  afterAll(async () => {
    await browser?.close();
    if (ingester && ingester.exitCode === null) {
      const exited = new Promise((r) => ingester.once('exit', r));
      ingester.kill('SIGTERM');
      await exited;
    }
    await new Promise((r) => feeds?.close(r));
  });

  it('shows every feed with its state, times, failures, sparkline and lease holder', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 760 } });
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') problems.push(msg.text());
    });
    page.on('pageerror', (err) => problems.push(err.message));
    const response = await page.goto(`${ops}/status`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toContain('text/html');
    expect(await page.title()).toBe('wire status');
    await expect.poll(() => page.getByRole('heading', { name: 'Feeds' }).isVisible()).toBe(true);

    const rows = page.locator('table.feeds tbody tr');
    expect(await rows.count()).toBe(2);
    // The failing feed comes first.
    const failing = rows.nth(0);
    const healthy = rows.nth(1);
    expect(await textOf(failing.locator('td').nth(0))).toContain('afp-fr-wire');
    expect(await textOf(failing.locator('.badge'))).toBe('failing');
    expect(await textOf(failing.locator('td').nth(1))).toContain('last: 500');
    expect(await textOf(failing.locator('td').nth(2))).toBe('never');
    expect(Number(await textOf(failing.locator('td').nth(3)))).toBeGreaterThanOrEqual(2);

    expect(await textOf(healthy.locator('td').nth(0))).toContain('yna-en-news');
    expect(await textOf(healthy.locator('.badge'))).toBe('ok');
    // Last success: relative, then the absolute UTC time.
    expect(await textOf(healthy.locator('td').nth(2))).toMatch(
      /^(now|\d+ s ago)\n\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/,
    );
    expect(await textOf(healthy.locator('td').nth(3))).toBe('0');
    expect(await textOf(healthy.locator('td').nth(4))).toMatch(/^(in \d+ s|now|due)\n/);
    const spark = healthy.locator('svg.spark');
    expect(await spark.isVisible()).toBe(true);
    expect(await spark.getAttribute('aria-label')).toMatch(/^\d+ new items in the last 24 hours$/);
    expect(await spark.locator('polyline').count()).toBe(1);
    expect(await textOf(healthy.locator('td').nth(6))).toBe('ingester-a');

    // The URL is shown without its query, and the token nowhere.
    expect(await textOf(healthy.locator('.url'))).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/yna\/news\.xml$/,
    );
    expect(await textOf(page.locator('body'))).not.toContain('s3cret');
    expect(await page.content()).not.toContain('s3cret');

    if (process.env.WIRE_UPDATE_SCREENSHOT === '1') {
      await page.screenshot({ path: join(repoRoot, 'docs/status-page.png'), fullPage: true });
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows records per minute per stage with a sparkline, and the consumer lag', async () => {
    const page = await browser.newPage();
    await page.goto(`${ops}/status`);
    const stages = page.locator('table.stages tbody tr');
    expect(await stages.allInnerTexts()).toHaveLength(4);
    const raw = page.locator(`table.stages tr[data-topic="${topics.raw.name}"]`);
    expect(await textOf(raw.locator('td').nth(0))).toBe('ingester');
    expect(Number(await textOf(raw.locator('td').nth(2)))).toBeGreaterThan(0);
    expect(await raw.locator('svg.spark polyline').count()).toBe(1);
    // No normalizer runs here: nothing reached the public firehose.
    const articles = page.locator(`table.stages tr[data-topic="${topics.articles.name}"]`);
    expect(await textOf(articles.locator('td').nth(2))).toBe('0');
    // The normalizer group never committed, so it is behind by every raw record.
    const lag = page.locator('table.lags tbody tr', { hasText: `${ns}wire-normalizer` });
    expect(Number(await textOf(lag.locator('td').nth(2)))).toBeGreaterThan(0);
    await page.close();
  });

  it('serves the same data as JSON', async () => {
    const res = await fetch(`${ops}/status.json`);
    expect(res.headers.get('content-type')).toBe('application/json');
    const report = (await res.json()) as StatusReport;
    expect(report.instance).toBe('ingester-a');
    expect(report.feeds.map((f) => [f.id, f.condition]).sort()).toEqual([
      ['afp-fr-wire', 'failing'],
      ['yna-en-news', 'ok'],
    ]);
    expect(report.stages.map((s) => s.topic)).toEqual([
      topics.raw.name,
      topics.normalized.name,
      topics.articles.name,
      topics.dlq.name,
    ]);
    expect(JSON.stringify(report)).not.toContain('s3cret');
  });
});
