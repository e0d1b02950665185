import { describe, expect, it } from 'vitest';
import {
  type Feed,
  type FeedState,
  type FeedStateChanges,
  type FeedStateStore,
  type FetchResult,
  type NewItems,
  type PollDependencies,
  pollFeed,
} from '../src/index.js';

const feed: Feed = {
  id: 'yna-en-news',
  agency: 'yna',
  url: 'http://127.0.0.1:1/news.xml',
  format: 'auto',
  intervalSeconds: 60,
  identity: 'yonhap',
  enabled: true,
  headers: {},
  allowAddresses: ['127.0.0.1'],
  fullText: 'never',
  fullTextDelaySeconds: 0,
  licensed: false,
};

function memoryState(
  initial: Partial<FeedState> = {},
): FeedStateStore & { current: FeedState; counted: NewItems[] } {
  const store = {
    counted: [] as NewItems[],
    current: {
      consecutiveFailures: 0,
      documentsPublished: 0,
      itemsSeen: 0,
      gaps: 0,
      changes: 0,
      ...initial,
    } as FeedState,
    async get() {
      return { ...store.current };
    },
    async update(_id: string, changes: FeedStateChanges, _fence?: string, newItems?: NewItems) {
      if (newItems) store.counted.push(newItems);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) continue;
        if (value === '') delete (store.current as unknown as Record<string, unknown>)[key];
        else (store.current as unknown as Record<string, unknown>)[key] = value;
      }
      return true;
    },
  };
  return store;
}

function deps(fetched: FetchResult, state = memoryState()) {
  const published: { key: string; body: Buffer; headers: Record<string, string | undefined> }[] =
    [];
  const requests: unknown[] = [];
  const dependencies: PollDependencies = {
    fetch: async (req) => {
      requests.push(req);
      return fetched;
    },
    state,
    publishRaw: async (key, body, headers) => {
      published.push({ key, body, headers });
    },
    now: () => new Date('2026-11-28T10:00:00.000Z'),
    newFetchId: () => 'fetch-1',
    itemIds: (body) =>
      [...body.toString().matchAll(/<guid>([^<]+)<\/guid>/g)].map((m) => m[1] as string),
  };
  return { dependencies, published, requests, state };
}

const document = (
  body: string,
  extra: Partial<Extract<FetchResult, { kind: 'document' }>> = {},
): FetchResult => ({
  kind: 'document',
  status: 200,
  body: Buffer.from(body),
  contentType: 'application/rss+xml',
  finalUrl: feed.url,
  hints: {},
  ...extra,
});

describe('pollFeed', () => {
  it('publishes a new document with its headers, then records the validators and hash', async () => {
    const { dependencies, published, state } = deps(document('<rss/>', { etag: '"a"' }));
    const outcome = await pollFeed(feed, dependencies);
    expect(outcome).toMatchObject({ kind: 'published', fetchId: 'fetch-1', bytes: 6 });
    expect(published).toHaveLength(1);
    expect(published[0]?.key).toBe('yna-en-news');
    expect(published[0]?.headers).toMatchObject({
      'wire-feed-id': 'yna-en-news',
      'wire-agency': 'yna',
      'wire-fetched-at': '2026-11-28T10:00:00.000Z',
      'wire-http-status': '200',
      'wire-etag': '"a"',
      'wire-identity': 'yonhap',
    });
    expect(state.current).toMatchObject({ etag: '"a"', documentsPublished: 1, lastStatus: '200' });
    expect(state.current.sha256).toBe(published[0]?.headers['wire-sha256']);
  });

  it("counts the document's new items in the hour of the poll, with the same state write", async () => {
    const rss = (ids: string[]) => `<rss>${ids.map((id) => `<guid>${id}</guid>`).join('')}</rss>`;
    const state = memoryState();
    await pollFeed(feed, deps(document(rss(['a', 'b'])), state).dependencies);
    await pollFeed(feed, deps(document(rss(['a', 'b', 'c'])), state).dependencies);
    const at = Date.parse('2026-11-28T10:00:00.000Z');
    expect(state.counted).toEqual([
      { count: 2, at },
      { count: 1, at },
    ]);
    // Nothing is counted for an unchanged document or a failure.
    await pollFeed(feed, deps(document(rss(['a', 'b', 'c'])), state).dependencies);
    expect(state.counted).toHaveLength(2);
  });

  it('sends the stored validators and publishes nothing on 304', async () => {
    const state = memoryState({ etag: '"a"', lastModified: 'Fri, 03 Feb 2023 00:00:00 GMT' });
    const { dependencies, published, requests } = deps(
      { kind: 'not-modified', status: 304, finalUrl: feed.url, hints: {} },
      state,
    );
    expect(await pollFeed(feed, dependencies)).toEqual({
      kind: 'not-modified',
      hints: {},
      consecutiveFailures: 0,
      quiet: false,
    });
    expect(requests[0]).toMatchObject({
      etag: '"a"',
      lastModified: 'Fri, 03 Feb 2023 00:00:00 GMT',
    });
    expect(published).toHaveLength(0);
  });

  it('does not publish the same bytes twice, and drops a validator the server stopped sending', async () => {
    const first = deps(document('<rss/>', { etag: '"a"' }));
    await pollFeed(feed, first.dependencies);
    const again = deps(document('<rss/>'), first.state);
    expect((await pollFeed(feed, again.dependencies)).kind).toBe('unchanged');
    expect(again.published).toHaveLength(0);
    expect(first.state.current.etag).toBeUndefined();
  });

  it('counts the items a changed document shows and flags a gap when a full window is all new', async () => {
    const state = memoryState();
    const items = (from: number) =>
      `<rss>${Array.from({ length: 5 }, (_, i) => `<guid>g${from + i}</guid>`).join('')}</rss>`;
    await pollFeed(feed, deps(document(items(0)), state).dependencies);
    const overlap = await pollFeed(feed, deps(document(items(2)), state).dependencies);
    expect(overlap).toMatchObject({ kind: 'published', newItems: 2, gap: false });
    const jump = await pollFeed(feed, deps(document(items(50)), state).dependencies);
    expect(jump).toMatchObject({ kind: 'published', newItems: 5, gap: true });
    expect(state.current).toMatchObject({ itemsSeen: 12, gaps: 1, changes: 3 });
  });

  it("takes the feed's RSS ttl as a hint of how long it stays fresh", async () => {
    const { dependencies } = deps(document('<rss><channel><ttl>15</ttl></channel></rss>'));
    expect((await pollFeed(feed, dependencies)).hints).toEqual({ freshForMs: 900_000 });
  });

  it('counts consecutive failures and resets them on success', async () => {
    const state = memoryState();
    await pollFeed(
      feed,
      deps(
        { kind: 'failed', code: 'HTTP_ERROR', status: 503, reason: 'HTTP 503', hints: {} },
        state,
      ).dependencies,
    );
    await pollFeed(
      feed,
      deps({ kind: 'failed', code: 'TIMEOUT', reason: 'timeout', hints: {} }, state).dependencies,
    );
    expect(state.current).toMatchObject({ consecutiveFailures: 2, lastStatus: 'TIMEOUT' });
    await pollFeed(feed, deps(document('<rss/>'), state).dependencies);
    expect(state.current.consecutiveFailures).toBe(0);
  });

  it('leaves the feed state alone when Kafka does not acknowledge, so the next poll sends again', async () => {
    const { dependencies, state } = deps(document('<rss/>', { etag: '"a"' }));
    dependencies.publishRaw = async () => {
      throw new Error('broker down');
    };
    await expect(pollFeed(feed, dependencies)).rejects.toThrow('broker down');
    expect(state.current.sha256).toBeUndefined();
    expect(state.current.etag).toBeUndefined();
  });
});
