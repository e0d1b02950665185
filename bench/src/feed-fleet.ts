// The ingester benchmark's agency: one local feed server holding the whole fleet,
// counting the requests it answers, changing a small share of the feeds every
// interval so some polls publish; and the feed registry that points at it.
import { writeFileSync } from 'node:fs';
import { type FeedServer, startFeedServer } from '@wire/cli';
import {
  changed,
  changingInRound,
  etagOf,
  type FleetFeed,
  feedId,
  firstVersion,
  renderFeed,
} from './fleet-documents.js';
import type { TextPool } from './synthetic-feeds.js';

export interface FleetSettings {
  feeds: number;
  intervalSeconds: number;
  /** Share of the feeds that change each interval (0..1). */
  changeShare: number;
  runId: string;
}

export interface RequestCounts {
  total: number;
  notModified: number;
  documents: number;
  other: number;
}

export interface FeedFleet {
  urls: string[];
  counts: RequestCounts;
  /** From now on a share of the feeds changes every interval. */
  startChanging(): void;
  /** The registry of every feed, polled every `intervalSeconds` (the fleet's by default). */
  writeRegistry(path: string, intervalSeconds?: number): void;
  close(): Promise<void>;
}

export async function startFeedFleet(pool: TextPool, settings: FleetSettings): Promise<FeedFleet> {
  const counts: RequestCounts = { total: 0, notModified: 0, documents: 0, other: 0 };
  const server: FeedServer = await startFeedServer({
    onRequest: ({ status }) => {
      counts.total++;
      if (status === 304) counts.notModified++;
      else if (status === 200) counts.documents++;
      else counts.other++;
    },
  });
  const path = (index: number) => `/feeds/${feedId(index)}.xml`;
  const feeds: FleetFeed[] = [];
  const serve = (feed: FleetFeed) => {
    feeds[feed.index] = feed;
    server.set(path(feed.index), {
      body: renderFeed(feed, pool, settings.runId),
      etag: etagOf(feed),
    });
  };
  for (let i = 0; i < settings.feeds; i++) serve(firstVersion(i));

  let round = 0;
  let changer: NodeJS.Timeout | undefined;
  const change = () => {
    for (const i of changingInRound(round++, settings.feeds, settings.changeShare)) {
      serve(changed(feeds[i] as FleetFeed));
    }
  };

  const urls = feeds.map((f) => server.url(path(f.index)));
  return {
    urls,
    counts,
    startChanging() {
      changer ??= setInterval(change, settings.intervalSeconds * 1000);
    },
    writeRegistry(file, intervalSeconds = settings.intervalSeconds) {
      const registry = urls.map((url, i) => ({
        id: feedId(i),
        agency: 'bench',
        url,
        intervalSeconds,
        allowAddresses: ['127.0.0.1'],
      }));
      writeFileSync(file, JSON.stringify({ feeds: registry }));
    },
    async close() {
      clearInterval(changer);
      await server.close();
    },
  };
}
