import {
  type FeedServer,
  type ServiceProcess,
  startFeedServer,
  startPipelineProcesses,
} from '@wire/cli';
import { allTopics, createKafkaClient, ensureTopics, topicCatalogue } from '@wire/kafka';
import {
  pipelineEnv,
  readTopics,
  type TopicReader,
  testBrokers,
  uniqueNamespace,
  writeFeedRegistry,
} from '@wire/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ns = uniqueNamespace('refiles');
const topics = topicCatalogue(ns);

interface Item {
  guid: string;
  title: string;
  body: string;
  at: string;
}

const flash: Item = {
  guid: 'CN-1001',
  title: '快讯：韩国总统尹锡悦宣布紧急戒严',
  body: '',
  at: '2026-12-03T13:25:00Z',
};
const detailed: Item = {
  guid: 'CN-1002',
  title: '详讯：韩国总统尹锡悦宣布实施紧急戒严',
  body: '韩国总统尹锡悦3日晚在龙山总统府发表紧急谈话，宣布实施紧急戒严。',
  at: '2026-12-03T13:50:00Z',
};
const open: Item = {
  guid: 'CN-2001',
  title: '韩国股市开盘：KOSPI指数下跌13.79点',
  body: '',
  at: '2026-12-03T00:05:00Z',
};
const close: Item = {
  guid: 'CN-2002',
  title: '韩国股市收盘：KOSPI指数下跌25.10点',
  body: '',
  at: '2026-12-03T06:35:00Z',
};

const rss = (items: Item[]) =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>综合新闻</title><language>zh-CN</language>${items
      .map(
        (i) =>
          `<item><title>${i.title}</title><guid isPermaLink="false">${i.guid}</guid><link>https://cn.example.org/view/${i.guid}</link><pubDate>${new Date(i.at).toUTCString()}</pubDate><description>${i.body}</description></item>`,
      )
      .join('')}</channel></rss>`,
  );

describe('re-filed stories through the pipeline', () => {
  let feeds: FeedServer;
  let services: ServiceProcess[] = [];
  let reader: TopicReader;
  const events = () => reader.records.filter((r) => r.topic === topics.articles.name);

  beforeAll(async () => {
    await ensureTopics(
      createKafkaClient({ brokers: testBrokers, clientId: 'e2e' }),
      allTopics(topics),
    );
    feeds = await startFeedServer();
    feeds.set('/zh.xml', { body: rss([open, close, flash]), contentType: 'application/rss+xml' });
    const registry = writeFeedRegistry(ns, [
      {
        id: 'cn-news',
        agency: 'cna',
        url: feeds.url('/zh.xml'),
        intervalSeconds: 1,
        identity: 'guid',
      },
    ]);
    const env = {
      ...pipelineEnv(ns),
    };
    reader = await readTopics(testBrokers, [topics.articles.name]);
    services = startPipelineProcesses(env, registry);
  });

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await reader?.close();
    await feeds?.close();
  });

  it('publishes the detailed filing of a flash as an update of the flash story', async () => {
    await reader.waitFor(() => events().length >= 3, 60_000);
    feeds.set('/zh.xml', { body: rss([open, close, flash, detailed]) });
    await reader.waitFor(() => events().length >= 4, 60_000);
    const story = events().filter(
      (e) => e.headers.ce_feedid === 'cn-news' && e.key?.includes('CN-100'),
    );
    expect(story.map((e) => [e.key, e.headers.ce_type])).toEqual([
      ['urn:wire:cna:CN-1001', 'dev.wire.article.created.v1'],
      ['urn:wire:cna:CN-1001', 'dev.wire.article.updated.v1'],
    ]);
    expect(story[1]?.headers).toMatchObject({
      // The filing it continues; the story is the key.
      ce_refileof: 'urn:wire:cna:CN-1001',
      ce_wireprefix: '详讯：',
      ce_islatest: 'true',
    });
    const article = JSON.parse(story[1]?.value?.toString() ?? '{}');
    expect(article.headlines[0].value).toBe('韩国总统尹锡悦宣布实施紧急戒严');
  });

  it("keeps a market's open and close of one day as two stories", () => {
    const market = events().filter((e) => e.key?.includes('CN-200'));
    expect(market.map((e) => [e.key, e.headers.ce_type]).sort()).toEqual([
      ['urn:wire:cna:CN-2001', 'dev.wire.article.created.v1'],
      ['urn:wire:cna:CN-2002', 'dev.wire.article.created.v1'],
    ]);
    expect(market.every((e) => e.headers.ce_refileof === undefined)).toBe(true);
  });
});
