// The documents of the ingester benchmark's feed fleet: each feed a small RSS
// document with a few real-shaped items and an ETag; a change adds one new item
// and drops the oldest, as an agency's feed moves. Pure: the server lives elsewhere.
import { XMLBuilder } from 'fast-xml-parser';
import type { TextPool } from './synthetic-feeds.js';

export interface FleetFeed {
  index: number;
  /** Item numbers shown, newest first. */
  items: number[];
  version: number;
}

export const itemsPerFeed = 5;

const builder = new XMLBuilder({ ignoreAttributes: false });

export function feedId(index: number): string {
  return `bench-${String(index).padStart(5, '0')}`;
}

export function firstVersion(index: number): FleetFeed {
  return {
    index,
    items: Array.from({ length: itemsPerFeed }, (_, i) => itemsPerFeed - 1 - i),
    version: 0,
  };
}

/** The feed after one change: a new item on top, the oldest gone. */
export function changed(feed: FleetFeed): FleetFeed {
  const newest = (feed.items[0] ?? -1) + 1;
  return {
    index: feed.index,
    items: [newest, ...feed.items].slice(0, itemsPerFeed),
    version: feed.version + 1,
  };
}

export function etagOf(feed: FleetFeed): string {
  return `"${feed.index}-${feed.version}"`;
}

/**
 * The feeds that change in a round: a slice of `share` of them that moves along
 * each round, so a feed changes again only after every other feed has.
 */
export function changingInRound(round: number, feeds: number, share: number): number[] {
  const count = Math.max(1, Math.round(feeds * share));
  return Array.from({ length: Math.min(count, feeds) }, (_, i) => (round * count + i) % feeds);
}

/** The RSS document; `runId` keeps guids and links unique to one run. */
export function renderFeed(feed: FleetFeed, pool: TextPool, runId: string): Buffer {
  const pick = (list: string[], n: number) => list[n % list.length] ?? '';
  const item = feed.items.map((n) => {
    // Item text depends on feed and item number only, so a re-poll shows the same bytes.
    const seed = feed.index * 7_919 + n * 104_729;
    return {
      title: `${pick(pool.headlines, seed)} (${feed.index}/${n})`,
      link: `https://agency.example/${runId}/${feedId(feed.index)}/${n}`,
      guid: { '#text': `${runId}-${feed.index}-${n}`, '@_isPermaLink': 'false' },
      pubDate: new Date(Date.parse('2026-03-02T08:00:00Z') + n * 60_000).toUTCString(),
      description: `${pick(pool.paragraphs, seed)} ${pick(pool.paragraphs, seed + 1)}`,
    };
  });
  const xml = builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    rss: {
      '@_version': '2.0',
      channel: {
        title: `Bench wire ${feedId(feed.index)}`,
        link: 'https://agency.example/',
        description: 'A feed of the ingester benchmark',
        item,
      },
    },
  }) as string;
  return Buffer.from(xml);
}
