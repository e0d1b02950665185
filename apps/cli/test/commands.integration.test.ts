// wire tail, feeds and dlq against the real Kafka and Redis.
import {
  allTopics,
  connectProducer,
  createKafkaClient,
  ensureTopics,
  toKafkaHeaders,
  topicCatalogue,
} from '@wire/kafka';
import { connectRedis } from '@wire/redis';
import { testBrokers, testRedisUrl, uniqueNamespace } from '@wire/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  readDeadLetters,
  runDlqList,
  runDlqRedrive,
  runDlqShow,
  runFeeds,
  runTail,
} from '../src/index.js';

const ns = uniqueNamespace('cli');
const topics = topicCatalogue(ns);
// Plaintext, as the local stack: the settings a command gets when none are set.
const plaintext = { brokers: testBrokers, clientId: 'cli-test' };
const kafka = createKafkaClient(plaintext);
const lines = () => {
  const out: string[] = [];
  return { out, print: (line: string) => out.push(line) };
};

beforeAll(async () => {
  await ensureTopics(kafka, allTopics(topics));
  const producer = await connectProducer(kafka);
  const event = (uri: string, agency: string, headline: string) => ({
    key: uri,
    value: JSON.stringify({ uri, headlines: [{ value: headline }] }),
    headers: toKafkaHeaders({
      ce_id: uri,
      ce_type: 'dev.wire.article.created.v1',
      ce_agency: agency,
    }),
  });
  await producer.send(topics.articles.name, [
    event('urn:wire:yna:1', 'yna', 'First story'),
    event('urn:wire:afp:2', 'afp', 'Second story'),
  ]);
  await producer.send(topics.dlq.name, [
    {
      key: 'broken-feed',
      value: '<rss><channel>',
      headers: toKafkaHeaders({
        'wire-feed-id': 'broken-feed',
        'wire-fetch-id': 'f1',
        'wire-dlq-stage': 'normalizer',
        'wire-dlq-reason': 'XML_MALFORMED',
        'wire-dlq-detail': 'the document is not well-formed XML',
        'wire-dlq-source-topic': topics.raw.name,
      }),
    },
  ]);
  await producer.disconnect();
});

describe('wire tail', () => {
  it('prints events from the beginning, filtered on a header', async () => {
    const { out, print } = lines();
    await runTail({
      kafka: plaintext,
      topic: topics.articles.name,
      fromBeginning: true,
      filters: [['ce_agency', 'afp']],
      json: false,
      max: 1,
      idleMs: 10_000,
      print,
    });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^\d+:\d+ {2}created {3}urn:wire:afp:2 {2}Second story$/);
  });

  it('prints raw JSON lines with --json', async () => {
    const { out, print } = lines();
    await runTail({
      kafka: plaintext,
      topic: topics.articles.name,
      fromBeginning: true,
      filters: [],
      json: true,
      max: 2,
      idleMs: 10_000,
      print,
    });
    const keys = out.map((line) => JSON.parse(line).key).sort();
    expect(keys).toEqual(['urn:wire:afp:2', 'urn:wire:yna:1']);
  });
});

describe('wire dlq', () => {
  it('lists and shows a dead letter with its reason and original bytes', async () => {
    const list = lines();
    await runDlqList({
      kafka: plaintext,
      topic: topics.dlq.name,
      json: false,
      print: list.print,
    });
    expect(list.out[0]).toMatch(/normalizer +XML_MALFORMED +broken-feed/);
    expect(list.out.at(-1)).toBe(`1 dead letters in ${topics.dlq.name}`);
    const id = list.out[0]?.split(' ')[0] as string;
    const show = lines();
    expect(
      await runDlqShow({
        kafka: plaintext,
        topic: topics.dlq.name,
        json: false,
        print: show.print,
        id,
      }),
    ).toBe(0);
    expect(show.out).toContain('wire-dlq-reason: XML_MALFORMED');
    expect(show.out.at(-1)).toBe('<rss><channel>');
  });

  it('redrives a dead letter to its source topic without the dead-letter headers', async () => {
    const { print } = lines();
    await runDlqRedrive({
      kafka: plaintext,
      topic: topics.dlq.name,
      json: false,
      print,
      ids: [],
      reason: 'XML_MALFORMED',
    });
    const [back] = await readDeadLetters({ kafka: plaintext, topic: topics.raw.name });
    expect(back?.value?.toString()).toBe('<rss><channel>');
    expect(back?.headers['wire-feed-id']).toBe('broken-feed');
    expect(back?.headers['wire-dlq-reason']).toBeUndefined();
    expect(back?.headers['wire-redriven-from']).toMatch(
      new RegExp(`^${topics.dlq.name.replaceAll('.', '\\.')}/\\d+:\\d+$`),
    );
  });
});

describe('wire feeds', () => {
  it('prints each feed the ingesters keep in Redis, with who polls it', async () => {
    const redis = await connectRedis({ url: testRedisUrl });
    await redis.hset(`${ns}feed:yna-en-news`, {
      lastStatus: '200',
      lastSuccessAt: '2026-11-28T10:00:00.000Z',
      consecutiveFailures: '0',
      itemsSeen: '42',
      gaps: '1',
      quiet: '1',
    });
    await redis.set(`${ns}lease:yna-en-news`, 'host-a-123:7', 'EX', 60);
    await redis.quit();
    const { out, print } = lines();
    await runFeeds({ redis: { url: testRedisUrl }, prefix: ns, json: false, print });
    expect(out[0]).toMatch(/^FEED +STATUS +LAST SUCCESS +FAILURES +ITEMS +GAPS +QUIET +POLLED BY$/);
    expect(out[1]).toMatch(
      /^yna-en-news +200 +2026-11-28T10:00:00.000Z +0 +42 +1 +yes +host-a-123$/,
    );
  });
});
