// The heap each service is sized for (its package.json's wire.nodeOptions, see
// docs/operations.md, "Memory") must hold the largest document the pipeline
// accepts: a feed of almost FETCH_MAX_BYTES (16 MiB) goes through the ingester, the
// normalizer and the publisher, run as production runs them, and every one of its
// items must come out, with no service running out of heap on the way.
import { createHash } from 'node:crypto';
import {
  type FeedServer,
  type ServiceProcess,
  serviceNodeOptions,
  startFeedServer,
  startPipelineProcesses,
} from '@wire/cli';
import {
  allTopics,
  createKafkaClient,
  ensureTopics,
  maxRawDocumentBytes,
  topicCatalogue,
} from '@wire/kafka';
import {
  pipelineEnv,
  readTopics,
  type TopicReader,
  testBrokers,
  uniqueNamespace,
  writeFeedRegistry,
} from '@wire/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ns = uniqueNamespace('heap');
const topics = topicCatalogue(ns);

/** Words of an item's own, so no two items read as near duplicates of each other. */
function wordsOf(seed: number, count: number): string {
  const words: string[] = [];
  for (let i = 0; words.length < count; i++) {
    const digest = createHash('sha256').update(`${seed}:${i}`).digest('hex');
    for (let at = 0; at + 8 <= digest.length && words.length < count; at += 8)
      words.push(Number.parseInt(digest.slice(at, at + 8), 16).toString(36));
  }
  return words.join(' ');
}

/** An RSS document of just under `bytes`, and how many items it holds. */
function largestFeed(bytes: number): { body: Buffer; items: number } {
  const head =
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>big</title>';
  const tail = '</channel></rss>';
  const parts: string[] = [head];
  let size = head.length + tail.length;
  let items = 0;
  for (;;) {
    const item =
      `<item><title>${wordsOf(items, 8)}</title><guid>urn:heap:${items}</guid>` +
      `<link>https://heap.example/${items}</link>` +
      `<description><![CDATA[<p>${wordsOf(-1 - items, 300)}</p>]]></description>` +
      '<pubDate>Mon, 07 Dec 2026 10:00:00 GMT</pubDate></item>';
    if (size + item.length > bytes) break;
    parts.push(item);
    size += item.length;
    items++;
  }
  parts.push(tail);
  return { body: Buffer.from(parts.join('')), items };
}

describe('the heap each service is sized for', () => {
  let feeds: FeedServer;
  let services: ServiceProcess[] = [];
  let publicTopic: TopicReader;
  const feed = largestFeed(maxRawDocumentBytes - 64 * 1024);

  beforeAll(async () => {
    await ensureTopics(
      createKafkaClient({ brokers: testBrokers, clientId: 'e2e-heap' }),
      allTopics(topics),
    );
    feeds = await startFeedServer();
    feeds.set('/big.xml', { body: feed.body });
    const registry = writeFeedRegistry(ns, [
      {
        id: 'big',
        agency: 'heap',
        url: feeds.url('/big.xml'),
        intervalSeconds: 5,
      },
    ]);
    const env = {
      ...pipelineEnv(ns),
      LOG_LEVEL: 'warn',
    };
    publicTopic = await readTopics(testBrokers, [topics.articles.name]);
    services = startPipelineProcesses(env, registry);
  });

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await publicTopic?.close();
    await feeds?.close();
  });

  it('runs each service with a capped heap', () => {
    for (const name of ['ingester', 'normalizer', 'publisher'] as const) {
      expect(serviceNodeOptions(name)).toContainEqual(
        expect.stringMatching(/^--max-old-space-size=\d+$/),
      );
    }
  });

  it('takes a document of the largest size through, every item of it', {
    timeout: 300_000,
  }, async () => {
    expect(feed.body.length).toBeGreaterThan(maxRawDocumentBytes - 128 * 1024);
    const exits: string[] = [];
    for (const service of services) void service.exited.then(() => exits.push(service.name));
    const records = await publicTopic.waitFor(
      (rs) => new Set(rs.map((r) => r.key)).size >= feed.items || exits.length > 0,
      280_000,
    );
    // A service that exited says why in its last lines.
    const lastWords = services
      .filter((s) => exits.includes(s.name))
      .map((s) => `${s.name}: ${s.logs.slice(-5).join('\n')}`);
    expect(lastWords).toEqual([]);
    expect(new Set(records.map((r) => r.key)).size).toBe(feed.items);
    const outOfHeap = services.flatMap((s) =>
      s.logs.filter((l) => /heap limit|out of memory/i.test(l)),
    );
    expect(outOfHeap).toEqual([]);
  });
});
