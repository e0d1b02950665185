// wire reprocess against the real Kafka and Redis: raw records of a live namespace
// from a point in time, normalized again into a sandbox, marked as a replay.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  allTopics,
  connectProducer,
  createKafkaClient,
  ensureTopics,
  toKafkaHeaders,
  topicCatalogue,
} from '@wire/kafka';
import { readTopics, samplePath, testBrokers, testRedisUrl, uniqueNamespace } from '@wire/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReprocess } from '../src/index.js';

const live = uniqueNamespace('reprocess-live');
const kafka = createKafkaClient({ brokers: testBrokers, clientId: 'reprocess-test' });
// Record times relative to now: the raw topic keeps 7 days, and the broker deletes
// records older than that, so fixed dates would stop being readable a week on.
const hour = 3_600_000;
const late = Math.floor(Date.now() / hour) * hour - hour;
const early = late - hour;
const iso = (at: number) => new Date(at).toISOString();

function rawRecord(file: string, fetchId: string, at: number) {
  const body = readFileSync(samplePath(file));
  return {
    key: 'yna-en-news',
    value: body,
    timestamp: String(at),
    headers: toKafkaHeaders({
      'wire-feed-id': 'yna-en-news',
      'wire-agency': 'yna',
      'wire-url': 'https://en.yna.co.kr/RSS/news.xml',
      'wire-fetch-id': fetchId,
      'wire-fetched-at': new Date(at).toISOString(),
      'wire-http-status': '200',
      'wire-content-type': 'application/rss+xml',
      'wire-sha256': createHash('sha256').update(body).digest('hex'),
      'wire-identity': 'yonhap',
    }),
  };
}

beforeAll(async () => {
  await ensureTopics(kafka, allTopics(topicCatalogue(live)));
  const producer = await connectProducer(kafka);
  await producer.send(`${live}wire.raw.v1`, [
    rawRecord('yonhap-en-news.xml', 'f1', early),
    rawRecord('yonhap-en-news-later.xml', 'f2', late),
  ]);
  await producer.disconnect();
});

async function reprocess(since: number, namespace: string, dryRun = false) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runReprocess({
    since: new Date(since),
    sourcePrefix: live,
    namespace,
    dryRun,
    env: { KAFKA_BROKERS: testBrokers.join(','), REDIS_URL: testRedisUrl },
    print: (line) => out.push(line),
    printError: (line) => err.push(line),
    progress: { isTTY: false, write: () => true },
    idleMs: 20_000,
  });
  return { code, out, err };
}

describe('wire reprocess', () => {
  it('normalizes the raw records since a time into a sandbox, with fresh state, marked as a replay', async () => {
    const sandbox = uniqueNamespace('reprocess-sandbox');
    const { code, err } = await reprocess(early + hour / 2, sandbox);
    expect(code).toBe(0);
    expect(err).toContainEqual(expect.stringMatching(/^documents +1$/));
    const reader = await readTopics(testBrokers, [`${sandbox}news.articles.v1`]);
    try {
      // Only the later poll; with fresh state its four stories are all new to the sandbox.
      const records = await reader.waitFor((r) => r.length >= 4);
      expect(records).toHaveLength(4);
      for (const record of records) {
        expect(record.headers).toMatchObject({
          'wire-replay': 'reprocess',
          'wire-replay-since': iso(early + hour / 2),
          ce_feedid: 'yna-en-news',
        });
      }
      expect(records.map((r) => r.key).sort()).toEqual([
        'urn:wire:yna:AEN202302010010',
        'urn:wire:yna:AEN202302020041',
        'urn:wire:yna:AEN202302030004',
        'urn:wire:yna:AEN202302030004',
      ]);
    } finally {
      await reader.close();
    }
  });

  it('reads from the first record at or after --since, and prints with --dry-run', async () => {
    const all = await reprocess(early - hour, uniqueNamespace('reprocess-dry'), true);
    expect(all.code).toBe(0);
    expect(all.err).toContainEqual(expect.stringMatching(/^documents +2$/));
    const events = all.out
      .map((line) => JSON.parse(line) as { topic: string; headers: Record<string, string> })
      .filter((l) => l.topic.endsWith('news.articles.v1'));
    expect(events.map((e) => e.headers.ce_type?.split('.')[3])).toEqual([
      'created',
      'created',
      'created',
      'updated',
    ]);
    const none = await reprocess(late + hour / 2, uniqueNamespace('reprocess-none'), true);
    expect(none.code).toBe(0);
    expect(none.out).toEqual([]);
    expect(none.err).toContainEqual(expect.stringMatching(/^documents +0$/));
  });
});
