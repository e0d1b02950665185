// wire replay against the real Redis and Kafka: the exact records of a dry run
// over ../shared/samples, state kept or thrown away, the same records written to
// Kafka without --dry-run, and the ingester's archive replayed in fetch order.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRawArchive } from '@wire/ingester';
import { connectRedis } from '@wire/redis';
import {
  createIptcNinjsValidator,
  readTopics,
  samplePath,
  samplesDir,
  testBrokers,
  testRedisUrl,
  uniqueNamespace,
} from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import { runReplay } from '../src/index.js';

interface Line {
  topic: string;
  key: string | null;
  headers: Record<string, string>;
  value: unknown;
}

async function replay(paths: string[], options: { dryRun: boolean; namespace?: string }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runReplay({
    paths,
    dryRun: options.dryRun,
    namespace: options.namespace,
    files: { feedId: 'replay', agency: 'yna', identity: 'yonhap' },
    at: new Date('2026-11-28T12:00:00Z'),
    env: { KAFKA_BROKERS: testBrokers.join(','), REDIS_URL: testRedisUrl },
    print: (line) => out.push(line),
    printError: (line) => err.push(line),
    progress: { isTTY: false, write: () => true },
  });
  return { code, out, err, lines: out.map((line) => JSON.parse(line) as Line) };
}

const headline = (line: Line) =>
  (line.value as { headlines?: { value: string }[] } | null)?.headlines?.[0]?.value ?? null;

describe('wire replay --dry-run', () => {
  it('prints exactly the records the pipeline writes for the Yonhap samples', async () => {
    const { code, out, err, lines } = await replay([samplesDir], { dryRun: true });
    expect(code).toBe(0);
    // The exact output, reviewed once; regenerate with `vitest -u` after a deliberate change.
    await expect(`${out.join('\n')}\n`).toMatchFileSnapshot(
      'fixtures/replay-samples.dry-run.jsonl',
    );

    const firehose = lines.filter((l) => l.topic === 'news.articles.v1');
    expect(firehose.map((l) => [l.key, l.headers.ce_type?.split('.')[3]])).toEqual([
      // yonhap-en-news-later.xml, oldest first: the original, then the (LEAD) re-filing it
      ['urn:wire:yna:AEN202302010010', 'created'],
      ['urn:wire:yna:AEN202302020041', 'created'],
      ['urn:wire:yna:AEN202302030004', 'created'],
      ['urn:wire:yna:AEN202302030004', 'updated'],
      // yonhap-en-news.xml and -northkorea.xml: nothing new
      // the G2 versions join the RSS story: v1 (07:31) and the correction (08:45)
      // are older than the (LEAD) re-filing (09:02), so not news; then the cancel
      ['urn:wire:yna:AEN202302030004', 'superseded'],
      ['urn:wire:yna:AEN202302030004', 'superseded'],
      ['urn:wire:yna:AEN202302030004', 'withdrawn'],
      // the EUC-KR Korean feed
      ['urn:wire:yna:AKR202302030034', 'created'],
      ['urn:wire:yna:AKR202302030047', 'created'],
    ]);
    expect(headline(firehose[7] as Line)).toContain('미 국무부');
    // The cancel removes the story from the latest state.
    const latest = lines.filter((l) => l.topic === 'news.articles.latest.v1');
    expect(
      latest.find((l) => l.key === 'urn:wire:yna:AEN202302030004' && l.value === null),
    ).toBeDefined();
    for (const line of lines) expect(line.headers['wire-replay']).toBe('replay');

    const validate = createIptcNinjsValidator('3.1');
    for (const line of lines.filter((l) => l.value !== null))
      expect(validate(line.value)).toEqual([]);
    expect(err.slice(-10)).toEqual([
      'documents         7',
      'articles         14',
      'created           5',
      'updated           1',
      'corrected         0',
      'withdrawn         1',
      'superseded        2',
      'duplicates        5',
      'dead letters      0',
      'records printed  16',
    ]);
  });

  it('leaves no Redis state behind, unless a namespace keeps it for the next run', async () => {
    const redis = await connectRedis({ url: testRedisUrl, failFast: true });
    try {
      const scratchKeys = async () => (await redis.keys('replay-*')).length;
      const before = await scratchKeys();
      await replay([samplePath('yonhap-en-news.xml')], { dryRun: true });
      expect(await scratchKeys()).toBe(before);

      const ns = uniqueNamespace('replay-kept');
      const first = await replay([samplePath('yonhap-en-news.xml')], {
        dryRun: true,
        namespace: ns,
      });
      expect(first.lines.filter((l) => l.topic === `${ns}news.articles.v1`)).toHaveLength(3);
      expect((await redis.keys(`${ns}*`)).length).toBeGreaterThan(0);
      const again = await replay([samplePath('yonhap-en-northkorea.xml')], {
        dryRun: true,
        namespace: ns,
      });
      expect(again.lines).toEqual([]);
      expect(again.err).toContainEqual(expect.stringMatching(/^duplicates +2$/));
    } finally {
      await redis.quit();
    }
  });

  it('dead-letters what it cannot read, with the reason, and goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wire-replay-bad-'));
    const broken = join(dir, 'broken.xml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(broken, '<rss><channel><item><title>cut off');
    const { code, lines } = await replay([broken, samplePath('yonhap-en-news.xml')], {
      dryRun: true,
    });
    expect(code).toBe(0);
    expect(lines[0]).toMatchObject({
      topic: 'wire.dlq.v1',
      key: 'replay',
      value: '<rss><channel><item><title>cut off',
      headers: { 'wire-dlq-stage': 'normalizer', 'wire-dlq-at': '2026-11-28T12:00:00.000Z' },
    });
    expect(lines[0]?.headers['wire-dlq-reason']).toMatch(/^XML_/);
    expect(lines.filter((l) => l.topic === 'news.articles.v1')).toHaveLength(3);
  });

  it('says clearly when there is nothing to replay', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wire-replay-empty-'));
    const { code, err } = await replay([dir], { dryRun: true });
    expect(code).toBe(1);
    expect(err).toEqual([`wire replay: no feed documents in ${dir}`]);
  });
});

describe('wire replay into Kafka', () => {
  it('writes the very records its dry run prints', async () => {
    const dryNs = uniqueNamespace('replay-dry');
    const realNs = uniqueNamespace('replay-real');
    const paths = [samplePath('yonhap-en-news.xml'), samplePath('yonhap-en-news-later.xml')];
    const dry = await replay(paths, { dryRun: true, namespace: dryNs });
    const real = await replay(paths, { dryRun: false, namespace: realNs });
    expect(real.code).toBe(0);
    expect(real.out).toEqual([]);
    expect(dry.lines).toHaveLength(8);
    expect(real.err).toContainEqual(expect.stringMatching(/^records written +8$/));

    const comparable = (
      topic: string,
      key: string | null,
      headers: Record<string, string>,
      value: unknown,
    ) =>
      JSON.stringify({
        topic,
        key,
        id: headers.ce_id,
        type: headers.ce_type,
        replay: headers['wire-replay'],
        value,
      });
    const expected = dry.lines
      .map((l) => comparable(l.topic.slice(dryNs.length), l.key, l.headers, l.value))
      .sort();
    const topics = [`${realNs}news.articles.v1`, `${realNs}news.articles.latest.v1`];
    const reader = await readTopics(testBrokers, topics);
    try {
      const records = await reader.waitFor((r) => r.length >= expected.length);
      const written = records
        .map((r) =>
          comparable(
            r.topic.slice(realNs.length),
            r.key,
            r.headers,
            r.value === null ? null : JSON.parse(r.value.toString()),
          ),
        )
        .sort();
      expect(written).toEqual(expected);
    } finally {
      await reader.close();
    }
  });
});

describe('wire replay of an archive', () => {
  it("replays the ingester's recorded fetches in the order they happened", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wire-archive-'));
    const archive = createRawArchive(dir);
    const store = async (file: string, fetchId: string, fetchedAt: string) => {
      const body = readFileSync(samplePath(file));
      await archive.store(body, {
        'wire-feed-id': 'yna-en-news',
        'wire-agency': 'yna',
        'wire-url': 'https://en.yna.co.kr/RSS/news.xml',
        'wire-fetch-id': fetchId,
        'wire-fetched-at': fetchedAt,
        'wire-http-status': '200',
        'wire-content-type': 'application/rss+xml; charset=utf-8',
        'wire-sha256': createHash('sha256').update(body).digest('hex'),
        'wire-identity': 'yonhap',
        'wire-language': 'en',
      });
    };
    // Stored in the reverse order of their fetches.
    await store('yonhap-en-news-later.xml', 'fetch-2', '2026-11-28T10:05:00.000Z');
    await store('yonhap-en-news.xml', 'fetch-1', '2026-11-28T10:00:00.000Z');
    const { code, lines } = await replay([dir], { dryRun: true });
    expect(code).toBe(0);
    const firehose = lines.filter((l) => l.topic === 'news.articles.v1');
    expect(
      firehose.map((l) => [l.headers.ce_type?.split('.')[3], l.headers.ce_wireprefix ?? '']),
    ).toEqual([
      ['created', ''],
      ['created', ''],
      ['created', ''],
      ['updated', '(LEAD)'],
    ]);
    expect(firehose.every((l) => l.headers.ce_feedid === 'yna-en-news')).toBe(true);
  });
});
