import {
  type FeedServer,
  type ServiceProcess,
  startFeedServer,
  startServiceProcess,
} from '@wire/cli';
import { allTopics, createKafkaClient, ensureTopics, topicCatalogue } from '@wire/kafka';
import { pipelineEnv, testBrokers, uniqueNamespace, writeFeedRegistry } from '@wire/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ns = uniqueNamespace('instances');
const feedCount = 100;
const intervalSeconds = 2;
const paths = Array.from({ length: feedCount }, (_, i) => `/feed-${i}.xml`);

describe('three ingester instances', () => {
  let feeds: FeedServer;
  const instances: ServiceProcess[] = [];
  const counts = () => paths.map((path) => feeds.requests(path));
  const during = async (ms: number) => {
    const before = counts();
    await new Promise((r) => setTimeout(r, ms));
    return counts().map((n, i) => n - (before[i] ?? 0));
  };

  beforeAll(async () => {
    await ensureTopics(
      createKafkaClient({ brokers: testBrokers, clientId: 'e2e' }),
      allTopics(topicCatalogue(ns)),
    );
    feeds = await startFeedServer();
    for (const [i, path] of paths.entries()) {
      feeds.set(path, {
        body: Buffer.from(`<rss version="2.0"><channel><title>${i}</title></channel></rss>`),
        etag: `"${i}"`,
      });
    }
    const registry = writeFeedRegistry(
      ns,
      paths.map((path, i) => ({
        id: `feed-${i}`,
        agency: 'test',
        url: feeds.url(path),
        intervalSeconds,
      })),
    );
    const env = {
      ...pipelineEnv(ns),
      FEEDS_FILE: registry,
      LOG_LEVEL: 'warn',
      LEASE_SECONDS: '4',
      FETCH_TIMEOUT_MS: '2000',
    };
    for (let i = 0; i < 3; i++) instances.push(startServiceProcess('ingester', { env }));
    // Let every instance start and the first leases settle.
    await new Promise((r) => setTimeout(r, 8_000));
  });

  afterAll(async () => {
    await Promise.all(instances.map((s) => s.stop()));
    await feeds?.close();
  });

  it('polls each feed about once per interval, not once per instance', async () => {
    const polls = await during(10_000);
    // 10 s at a 2 s interval with 10 % jitter: about 5 polls; three pollers would make 15.
    expect(Math.min(...polls)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...polls)).toBeLessThanOrEqual(7);
  });

  it("hands a killed instance's feeds to the others within a lease period", async () => {
    const [victim] = instances;
    victim?.signal('SIGKILL');
    await victim?.exited;
    // The victim's leases run out (at most 6 s here), then the others take over.
    await new Promise((r) => setTimeout(r, 9_000));
    const polls = await during(8_000);
    expect(Math.min(...polls)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...polls)).toBeLessThanOrEqual(6);
  });
});
