// One story all the way through: a local feed server, the three services as real
// processes, the real Kafka broker and the real Redis, read back from the public
// topic the way a newsroom system would. KAFKA_CLIENT (kafkajs, the default, or
// platformatic) is the Kafka library the services run on.
import { readFileSync } from 'node:fs';
import {
  type FeedServer,
  type ServiceProcess,
  startFeedServer,
  startPipelineProcesses,
} from '@wire/cli';
import { allTopics, createKafkaClient, ensureTopics, topicCatalogue } from '@wire/kafka';
import {
  createIptcNinjsValidator,
  groupLag,
  pipelineEnv,
  type ReadRecord,
  readTopics,
  samplePath,
  type TopicReader,
  testBrokers,
  testKafkaClient,
  uniqueNamespace,
  waitUntil,
  writeFeedRegistry,
} from '@wire/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ns = uniqueNamespace('pipeline');
const topics = topicCatalogue(ns);
const seedUri = 'urn:wire:yna:AEN202302030004';
const sample = (file: string) => readFileSync(samplePath(file));
const brokenFeed = Buffer.from(
  '<?xml version="1.0"?><rss version="2.0"><channel><item><title>cut off',
);

describe('the pipeline on the Yonhap sample feeds', () => {
  let feeds: FeedServer;
  let services: ServiceProcess[] = [];
  let publicTopic: TopicReader;
  let rawTopic: TopicReader;
  let deadLetters: TopicReader;

  const byKey = (records: ReadRecord[], key: string) => records.filter((r) => r.key === key);
  /** The service's /metrics, at the ops address it logged when it started. */
  const scrape = async (service: ServiceProcess | undefined) => {
    const ops = service?.logs.map((l) => /"ops":"(http:[^"]+)"/.exec(l)?.[1]).find(Boolean);
    expect(ops).toBeDefined();
    return (await fetch(`${ops}/metrics`)).text();
  };
  const drained = async () =>
    (await groupLag(testBrokers, `${ns}wire-normalizer`, topics.raw.name)) === 0 &&
    (await groupLag(testBrokers, `${ns}wire-publisher`, topics.normalized.name)) === 0;

  beforeAll(async () => {
    await ensureTopics(
      createKafkaClient({ brokers: testBrokers, clientId: 'e2e' }),
      allTopics(topics),
    );
    feeds = await startFeedServer();
    feeds.set('/news.xml', { body: sample('yonhap-en-news.xml') });
    feeds.set('/northkorea.xml', { body: sample('yonhap-en-northkorea.xml') });
    feeds.set('/broken.xml', { body: brokenFeed });
    const registry = writeFeedRegistry(ns, [
      {
        id: 'yna-en-news',
        agency: 'yna',
        url: feeds.url('/news.xml'),
        language: 'en',
        intervalSeconds: 1,
        identity: 'yonhap',
      },
      {
        id: 'yna-en-nk',
        agency: 'yna',
        url: feeds.url('/northkorea.xml'),
        language: 'en',
        intervalSeconds: 1,
        identity: 'yonhap',
      },
      {
        id: 'broken',
        agency: 'yna',
        url: feeds.url('/broken.xml'),
        intervalSeconds: 1,
      },
    ]);
    const env = {
      ...pipelineEnv(ns),
      LOG_LEVEL: 'info',
    };
    publicTopic = await readTopics(testBrokers, [topics.articles.name]);
    rawTopic = await readTopics(testBrokers, [topics.raw.name]);
    deadLetters = await readTopics(testBrokers, [topics.dlq.name]);
    services = startPipelineProcesses(env, registry);
  });

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await publicTopic?.close();
    await rawTopic?.close();
    await deadLetters?.close();
    await feeds?.close();
  });

  it('publishes the seed story once, with its headline, body and CloudEvents headers', async () => {
    const records = await publicTopic.waitFor((r) => r.length >= 3, 90_000);
    const seed = byKey(records, seedUri);
    expect(seed).toHaveLength(1);
    const event = seed[0] as ReadRecord;
    const article = JSON.parse(event.value?.toString() ?? '');
    expect(article.headlines[0].value).toBe(
      'US remains ready to engage with N. Korea, but holding N. Korea accountable important: State Dept.',
    );
    const text = article.bodies.find(
      (b: { contentType: string }) => b.contentType === 'text/plain',
    ).value;
    expect(text).toContain('The United States remains ready to engage with North Korea');
    expect(article.located).toBe('WASHINGTON');
    expect(event.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_type: 'dev.wire.article.created.v1',
      ce_source: '/wire/agencies/yna',
      ce_subject: seedUri,
      ce_agency: 'yna',
      'content-type': 'application/json',
    });
    expect(event.headers.ce_id).toMatch(/^[0-9a-f]{32}$/);
    expect(createIptcNinjsValidator()(article)).toEqual([]);
  });

  it('runs the normalizer and the publisher on the Kafka library KAFKA_CLIENT names', () => {
    for (const stage of [services[0], services[1]]) {
      const consuming = stage?.logs.find((l) => l.includes('"msg":"consuming"'));
      expect(consuming).toContain(`"kafkaClient":"${testKafkaClient}"`);
    }
  });

  it('publishes nothing new when the feeds are polled again, nor for a story in two section feeds', async () => {
    const pollsBefore = feeds.requests('/news.xml');
    await waitUntil(() => feeds.requests('/news.xml') >= pollsBefore + 2, {
      what: 'two more polls',
    });
    await waitUntil(drained, { what: 'normalizer and publisher to drain' });
    // One raw document per feed: unchanged bytes are not written again.
    expect(rawTopic.records.map((r) => r.key).sort()).toEqual([
      'broken',
      'yna-en-news',
      'yna-en-nk',
    ]);
    expect(publicTopic.records).toHaveLength(3);
    expect(new Set(publicTopic.records.map((r) => r.headers.ce_id)).size).toBe(3);
  });

  it('dead-letters a malformed document with its bytes and reason, once, and goes on', async () => {
    const [letter] = await deadLetters.waitFor((r) => r.length >= 1, 30_000);
    await waitUntil(drained, { what: 'normalizer and publisher to drain' });
    expect(deadLetters.records).toHaveLength(1);
    expect(letter?.key).toBe('broken');
    expect(letter?.value?.equals(brokenFeed)).toBe(true);
    expect(letter?.headers).toMatchObject({
      'wire-dlq-stage': 'normalizer',
      'wire-dlq-reason': 'XML_MALFORMED',
      'wire-dlq-source-topic': topics.raw.name,
      'wire-feed-id': 'broken',
    });
  });

  it('publishes the (LEAD) re-filing as an update of the same story', async () => {
    feeds.set('/news.xml', { body: sample('yonhap-en-news-later.xml') });
    const records = await publicTopic.waitFor((r) => byKey(r, seedUri).length >= 2, 60_000);
    await waitUntil(drained, { what: 'normalizer and publisher to drain' });
    const [created, updated] = byKey(records, seedUri);
    expect(created?.headers.ce_type).toBe('dev.wire.article.created.v1');
    expect(updated?.headers.ce_type).toBe('dev.wire.article.updated.v1');
    const article = JSON.parse(updated?.value?.toString() ?? '');
    expect(article.headlines[0].value).toMatch(/^US remains ready/);
    expect(updated?.headers).toMatchObject({ ce_wireprefix: '(LEAD)', ce_signal: 'update' });
    expect(article.firstCreated).toBe('2023-02-02T22:31:00.000Z');
    expect(publicTopic.records).toHaveLength(4);
  });

  it("counts the polls in the ingester's /metrics", async () => {
    const ingester = services[2];
    const ops = ingester?.logs.map((l) => /"ops":"(http:[^"]+)"/.exec(l)?.[1]).find(Boolean);
    expect(ops).toBeDefined();
    const text = await (await fetch(`${ops}/metrics`)).text();
    expect(text).toMatch(
      /wire_ingester_polls_total\{feed="yna-en-news",outcome="published",service="ingester"\} [1-9]/,
    );
    expect(text).toMatch(
      /wire_ingester_polls_total\{feed="yna-en-news",outcome="unchanged",service="ingester"\} [1-9]/,
    );
    expect(text).toMatch(/wire_ingester_leases_held\{service="ingester"\} 3/);
  });

  it("counts documents, verdicts, dead letters, latency and lag in the normalizer's /metrics", async () => {
    const text = await scrape(services[1]);
    expect(text).toMatch(
      /wire_normalizer_documents_total\{outcome="published",service="normalizer"\} [1-9]/,
    );
    expect(text).toMatch(
      /wire_normalizer_articles_total\{verdict="created",service="normalizer"\} [1-9]/,
    );
    expect(text).toMatch(
      /wire_normalizer_articles_total\{verdict="updated",service="normalizer"\} [1-9]/,
    );
    expect(text).toContain(
      'wire_dead_letters_total{stage="normalizer",reason="XML_MALFORMED",service="normalizer"} 1',
    );
    expect(text).toMatch(
      /wire_normalizer_fetched_to_acked_seconds_count\{service="normalizer"\} [1-9]/,
    );
    // Each committed run's phases, and the records it took.
    for (const phase of ['handle', 'commit', 'after_commit'])
      expect(text).toMatch(
        new RegExp(`wire_stage_run_seconds_count\\{service="normalizer",phase="${phase}"\\} [1-9]`),
      );
    expect(text).toMatch(/wire_stage_run_records_sum\{service="normalizer"\} [1-9]/);
    expect(text).toMatch(
      new RegExp(
        `wire_consumer_lag_messages\\{topic="${topics.raw.name}",partition="0",service="normalizer"\\} \\d+`,
      ),
    );
  });

  it("counts the public records by kind of topic, latency and lag in the publisher's /metrics", async () => {
    const text = await scrape(services[0]);
    expect(text).toMatch(
      /wire_stage_run_seconds_count\{service="publisher",phase="commit"\} [1-9]/,
    );
    // The four events read from the public topic above, each written once.
    expect(text).toContain('wire_publisher_records_total{kind="articles",service="publisher"} 4');
    expect(text).toContain(
      'wire_publisher_events_total{outcome="published",service="publisher"} 4',
    );
    expect(text).toMatch(/wire_publisher_records_total\{kind="latest",service="publisher"\} [1-9]/);
    expect(text).toContain(
      'wire_publisher_version_to_publish_seconds_count{service="publisher"} 4',
    );
    expect(text).toMatch(
      new RegExp(
        `wire_consumer_lag_messages\\{topic="${topics.normalized.name}",partition="0",service="publisher"\\} \\d+`,
      ),
    );
  });

  it('stops every service cleanly on SIGTERM', async () => {
    const codes = await Promise.all(services.map((s) => s.stop()));
    expect(codes).toEqual([0, 0, 0]);
  });
});
