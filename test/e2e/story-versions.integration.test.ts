// NewsML-G2 versions of one story through the real pipeline: v1 created, v2
// corrected, v3 withdrawn (a tombstone on the latest-state topic); v2 arriving
// before v1 stays the latest. Routed topics receive their events too.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type FeedServer,
  type ServiceProcess,
  startFeedServer,
  startServiceProcess,
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
  uniqueNamespace,
  waitUntil,
  writeFeedRegistry,
} from '@wire/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ns = uniqueNamespace('versions');
const topics = topicCatalogue(ns);
const routedTopic = `${ns}news.agency.yna.v1`;
const guid = 'urn:newsml:yna.co.kr:20230203:AEN20230203000400315';
const otherGuid = 'urn:newsml:yna.co.kr:20230203:OUT-OF-ORDER';
const version = (n: 1 | 2 | 3, asGuid = guid, place = 'Atlantis') => {
  const file = ['yonhap-g2-v1.xml', 'yonhap-g2-v2-correction.xml', 'yonhap-g2-v3-canceled.xml'][
    n - 1
  ] as string;
  const text = readFileSync(samplePath(file), 'utf8').replaceAll(guid, asGuid);
  // Another story needs other words too, or it is this story's near duplicate, and
  // another headline, or it is a re-filing of it.
  return Buffer.from(
    asGuid === guid
      ? text
      : text
          .replaceAll('North Korea', place)
          .replaceAll('DPRK', place)
          .replace(
            /<headline>[^<]*<\/headline>/g,
            `<headline>${place} weighs its options</headline>`,
          ),
  );
};
const body = (record: ReadRecord | undefined) =>
  record?.value ? JSON.parse(record.value.toString()) : null;

describe('NewsML-G2 versions of one story', () => {
  let feeds: FeedServer;
  let services: ServiceProcess[] = [];
  let reader: TopicReader;
  const on = (topic: string, key: string) =>
    reader.records.filter((r) => r.topic === topic && r.key === key);
  const drained = async () =>
    (await groupLag(testBrokers, `${ns}wire-normalizer`, topics.raw.name)) === 0 &&
    (await groupLag(testBrokers, `${ns}wire-publisher`, topics.normalized.name)) === 0;

  beforeAll(async () => {
    await ensureTopics(
      createKafkaClient({ brokers: testBrokers, clientId: 'e2e' }),
      allTopics(topics),
    );
    feeds = await startFeedServer();
    feeds.set('/g2.xml', { body: version(1), contentType: 'application/vnd.iptc.g2.newsitem+xml' });
    const routes = join(tmpdir(), `${ns}routes.yaml`);
    const registry = writeFeedRegistry(ns, [
      {
        id: 'yna-g2',
        agency: 'yna',
        url: feeds.url('/g2.xml'),
        intervalSeconds: 1,
      },
      {
        id: 'yna-g2-late',
        agency: 'yna',
        url: feeds.url('/late.xml'),
        intervalSeconds: 1,
      },
    ]);
    writeFileSync(routes, 'routes:\n  - topic: news.agency.{agency}.v1\n');
    const env = {
      ...pipelineEnv(ns),
    };
    reader = await readTopics(testBrokers, [topics.articles.name, topics.latest.name]);
    services = [
      startServiceProcess('publisher', { env: { ...env, ROUTES_FILE: routes } }),
      startServiceProcess('normalizer', { env }),
      startServiceProcess('ingester', { env: { ...env, FEEDS_FILE: registry } }),
    ];
  });

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await reader?.close();
    await feeds?.close();
  });

  it('publishes v1 as created, to the firehose, the latest state and the routed topic', async () => {
    await reader.waitFor(
      () => on(topics.latest.name, guid).length >= 1 && on(topics.articles.name, guid).length >= 1,
      60_000,
    );
    const [created] = on(topics.articles.name, guid);
    expect(created?.headers).toMatchObject({
      ce_type: 'dev.wire.article.created.v1',
      ce_subject: guid,
    });
    expect(body(created).headlines[0].value).toMatch(/^US remains ready to engage/);
    expect(createIptcNinjsValidator()(body(created))).toEqual([]);
    const routed = await readTopics(testBrokers, [routedTopic]);
    try {
      const [copy] = await routed.waitFor((r) => r.length >= 1, 30_000);
      expect(copy?.headers.ce_id).toBe(created?.headers.ce_id);
    } finally {
      await routed.close();
    }
  });

  it('publishes v2 as a correction that carries its editorial note', async () => {
    feeds.set('/g2.xml', { body: version(2) });
    await reader.waitFor(
      (r) => r.filter((x) => x.topic === topics.articles.name && x.key === guid).length >= 2,
      60_000,
    );
    const corrected = on(topics.articles.name, guid)[1];
    expect(corrected?.headers).toMatchObject({
      ce_type: 'dev.wire.article.corrected.v1',
      ce_signal: 'correction',
    });
    expect(body(corrected).edNote).toBe('CORRECTS number of missiles fired last year in 10th para');
    // The agency's own version, not the content hash that ce_revision holds.
    expect(body(corrected).version).toBe('2');
    expect(corrected?.headers.ce_revision).toMatch(/^[0-9a-f]{16}$/);
  });

  it('publishes v3 as the withdrawal of the story and tombstones its latest state', async () => {
    feeds.set('/g2.xml', { body: version(3) });
    // The firehose and the latest topic are written in one transaction, but read
    // apart: wait for both.
    await reader.waitFor(
      (r) =>
        r.some((x) => x.topic === topics.latest.name && x.key === guid && x.value === null) &&
        r.filter((x) => x.topic === topics.articles.name && x.key === guid).length >= 3,
      60_000,
    );
    const withdrawn = on(topics.articles.name, guid)[2];
    expect(withdrawn?.headers).toMatchObject({
      ce_type: 'dev.wire.article.withdrawn.v1',
      ce_signal: 'kill',
    });
    expect(body(withdrawn).pubStatus).toBe('canceled');
    expect(on(topics.latest.name, guid).map((r) => (r.value ? 'value' : 'tombstone'))).toEqual([
      'value',
      'value',
      'tombstone',
    ]);
  });

  it('keeps v2 as the latest when v1 arrives after it', async () => {
    feeds.set('/late.xml', { body: version(2, otherGuid) });
    await reader.waitFor(
      (r) => r.some((x) => x.topic === topics.latest.name && x.key === otherGuid),
      60_000,
    );
    feeds.set('/late.xml', { body: version(1, otherGuid) });
    await reader.waitFor(
      (r) => r.filter((x) => x.topic === topics.articles.name && x.key === otherGuid).length >= 2,
      60_000,
    );
    await waitUntil(drained, { what: 'the pipeline to drain' });
    const events = on(topics.articles.name, otherGuid);
    expect(events.map((e) => body(e).version)).toEqual(['2', '1']);
    // v1 is older than what consumers have: not news, and it says so.
    expect(events.map((e) => e.headers.ce_type)).toEqual([
      'dev.wire.article.corrected.v1',
      'dev.wire.article.superseded.v1',
    ]);
    expect(events.map((e) => [e.headers.ce_islatest, e.headers.ce_latestversion])).toEqual([
      ['true', '2'],
      ['false', '2'],
    ]);
    const latest = on(topics.latest.name, otherGuid);
    expect(latest).toHaveLength(1);
    expect(body(latest[0]).edNote).toBe('CORRECTS number of missiles fired last year in 10th para');
  });

  it('keeps a killed story killed when its correction arrives after the kill', async () => {
    const killedGuid = guid.replace('AEN', 'AKI');
    // Words of its own, or it would be a near duplicate of the stories above.
    const killedVersion = (n: 1 | 2 | 3) =>
      Buffer.from(
        version(n, killedGuid, 'Lemuria')
          .toString('utf8')
          .replace(
            /(<xhtml:p>)([^<]*)/g,
            (_, open: string, text: string) =>
              open + text.replace(/[A-Za-z]+/g, (word) => `${word}q`),
          ),
      );
    feeds.set('/late.xml', { body: killedVersion(1) });
    await reader.waitFor(
      (r) => r.some((x) => x.topic === topics.latest.name && x.key === killedGuid),
      60_000,
    );
    feeds.set('/late.xml', { body: killedVersion(3) });
    await reader.waitFor(
      (r) => r.some((x) => x.topic === topics.latest.name && x.key === killedGuid && !x.value),
      60_000,
    );
    feeds.set('/late.xml', { body: killedVersion(2) });
    await reader.waitFor(
      (r) => r.filter((x) => x.topic === topics.articles.name && x.key === killedGuid).length >= 3,
      60_000,
    );
    await waitUntil(drained, { what: 'the pipeline to drain' });
    expect(on(topics.articles.name, killedGuid).map((e) => e.headers.ce_type)).toEqual([
      'dev.wire.article.created.v1',
      'dev.wire.article.withdrawn.v1',
      'dev.wire.article.superseded.v1',
    ]);
    // The latest state ends with the tombstone: nobody brings the story back.
    expect(
      on(topics.latest.name, killedGuid).map((r) => (r.value ? 'value' : 'tombstone')),
    ).toEqual(['value', 'tombstone']);
  });
});
