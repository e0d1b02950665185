// Runs a labelled set of real feed items through the normalizer as the feeds
// showed them, and scores the stories it made against the labels: re-file series
// (later filings of one story under new ids) should share a story, recurring
// series (one look-alike item a day) and same-topic items should not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseDocument } from '@wire/feeds';
import { type NormalizerState, normalizeDocument, revisionOf } from '../../src/index.js';
import { memoryDependencies, memoryState } from '../memory-dependencies.js';

export interface LabelledItem {
  id: string;
  source: string;
  feed: string;
  lang: string;
  guid: string;
  link: string;
  title: string;
  description: string;
  published: string;
}

interface Series {
  name: string;
  items: string[];
  why: string;
}

export interface Labels {
  refileSeries: Series[];
  recurringSeries: Series[];
  distinctSameTopic: Series[];
}

export interface LabelledSet {
  name: string;
  items: LabelledItem[];
  labels: Labels;
}

const readItems = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledItem);

export function readLabelledSet(dir: string): LabelledSet {
  const items = readItems(readFileSync(join(dir, 'items.jsonl'), 'utf8'));
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Labels;
  return { name: dir, items, labels };
}

/** Unlabelled items of the same feeds and days (a gzipped JSON-lines file), to run among the labelled ones. */
export function readBackground(file: string): LabelledItem[] {
  return readItems(gunzipSync(readFileSync(file)).toString('utf8'));
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// The laapy pool names its feeds by file, not by host: Yahoo! JAPAN's news and
// finance feeds both carry Reuters' Japanese service, msn its English one, and
// swissinfo Bloomberg's stories.
const poolAgencies: Record<string, string> = {
  'laapy pool: yahoo_news_jp_reuters.xml': 'reuters',
  'laapy pool: yahoo_finance_jp_reuters.xml': 'reuters',
  'laapy pool: reuters_official_msn.xml': 'reuters',
  'laapy pool: swissinfo_discovery.xml': 'bloomberg',
};

/** The agency an item comes from: the outlet, whichever of its feeds carried it. */
function agencyOf(item: LabelledItem): string {
  const pooled = poolAgencies[item.feed];
  if (pooled) return pooled;
  const host = /^https?:\/\/([^/]+)/.exec(item.feed)?.[1];
  const name = host ? host.replace(/^(?:www|rss|biz)\./, '').split('.')[0] : item.feed;
  return (name ?? 'agency').replace(/[^a-z0-9]+/gi, '-').toLowerCase();
}

const feedIdOf = (item: LabelledItem) =>
  item.feed
    .replace(/^https?:\/\//, '')
    .replace(/[^a-z0-9]+/gi, '-')
    .toLowerCase();

function rssOf(items: LabelledItem[]): Buffer {
  const entries = items.map(
    (item) =>
      `<item><title>${escapeXml(item.title)}</title><guid isPermaLink="false">${escapeXml(item.guid)}</guid>` +
      `<link>${escapeXml(item.link)}</link><pubDate>${new Date(item.published).toUTCString()}</pubDate>` +
      `<description>${escapeXml(item.description)}</description></item>`,
  );
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>feed</title>${entries.join('')}</channel></rss>`,
  );
}

export type PollMode =
  | 'one item per poll'
  | 'one item per poll, newest first'
  | 'a poll every 15 minutes';

/** Every order a set is run in, as the tests' figures list them. */
export const pollModes: PollMode[] = [
  'one item per poll',
  'one item per poll, newest first',
  'a poll every 15 minutes',
];

export interface Placement {
  /** The story each item was placed in, by item id. */
  storyOf: Map<string, string>;
  /** Items placed in one story on one poll and another on a later one. */
  unstable: string[];
  /** How each item that joined another's story got there: the item it continues, and how. */
  joinedVia: Map<string, { of: string; overlap?: number; by: 'refile' | 'near-duplicate' }>;
}

/** Feeds the items to the normalizer in time order, as polls of their feeds, and reads where each went. */
export async function placeItems(
  set: LabelledSet,
  mode: PollMode,
  state: NormalizerState = memoryState(),
): Promise<Placement> {
  const { deps, published } = memoryDependencies(state);
  // A filing identical to one already published is a duplicate and not published
  // again: the story it went to is the one its revision was placed in (the story of
  // the same article seen in another feed, when there is one: a daily table with no
  // text has one revision in every story it starts).
  const placedWith = new Map<string, string>();
  const place = deps.stories.place.bind(deps.stories);
  deps.stories = {
    place(uri, revision) {
      if (!placedWith.has(revision.revision)) placedWith.set(revision.revision, uri);
      return place(uri, revision);
    },
  };
  const byTime = [...set.items].sort(
    (a, b) => Date.parse(a.published) - Date.parse(b.published) || a.id.localeCompare(b.id),
  );
  const polls: { at: number; feed: LabelledItem; items: LabelledItem[] }[] = [];
  if (mode !== 'a poll every 15 minutes') {
    // Newest first: every later filing arrives before the one it continues.
    const order = mode === 'one item per poll' ? byTime : [...byTime].reverse();
    for (const item of order)
      polls.push({ at: Date.parse(item.published), feed: item, items: [item] });
  } else {
    // Each feed polled every 15 minutes, each poll holding what the feed got since
    // the last one; a feed shows one version of an article at a time, so a second
    // item with the same link waits for the next poll.
    const step = 15 * 60_000;
    const feeds = new Map<string, LabelledItem[]>();
    for (const item of byTime) feeds.set(item.feed, [...(feeds.get(item.feed) ?? []), item]);
    for (const items of feeds.values()) {
      let waiting = [...items];
      for (
        let at = Math.ceil(Date.parse((items[0] as LabelledItem).published) / step) * step;
        waiting.length > 0;
        at += step
      ) {
        const links = new Set<string>();
        const batch: LabelledItem[] = [];
        const later: LabelledItem[] = [];
        for (const item of waiting) {
          const due = Date.parse(item.published) <= at;
          if (due && !links.has(item.link)) {
            if (item.link) links.add(item.link);
            batch.push(item);
          } else later.push(item);
        }
        waiting = later;
        // Newest first, as feeds list them.
        if (batch.length > 0)
          polls.push({ at, feed: items[0] as LabelledItem, items: batch.reverse() });
      }
    }
    polls.sort((a, b) => a.at - b.at);
  }
  const storyOf = new Map<string, string>();
  const unstable = new Set<string>();
  const joinedVia: Placement['joinedVia'] = new Map();
  const byGuid = new Map(set.items.map((item) => [`${feedIdOf(item)}\n${item.guid}`, item]));
  // The items of each own story uri (the feeds are read by guid; one article can be in
  // several feeds of its agency), to name what a join continues.
  const ownUriOf = (item: LabelledItem) =>
    `urn:wire:${agencyOf(item)}:${encodeURIComponent(item.guid)}`;
  const itemsOfUri = new Map<string, string[]>();
  for (const item of set.items)
    itemsOfUri.set(ownUriOf(item), [...(itemsOfUri.get(ownUriOf(item)) ?? []), item.id]);
  const itemOf = (uri: string) => itemsOfUri.get(uri)?.[0] ?? uri;
  for (const [index, poll] of polls.entries()) {
    const value = rssOf(poll.items);
    const before = published.length;
    const result = await normalizeDocument(
      {
        value,
        headers: {
          'wire-feed-id': feedIdOf(poll.feed),
          'wire-agency': agencyOf(poll.feed),
          'wire-url': poll.feed.feed.startsWith('http')
            ? poll.feed.feed
            : 'https://example.org/feed',
          'wire-fetch-id': `poll-${index}`,
          'wire-fetched-at': new Date(poll.at).toISOString(),
          'wire-http-status': '200',
          'wire-content-type': 'application/rss+xml',
          'wire-sha256': 'a'.repeat(64),
          'wire-identity': 'guid',
          'wire-language': poll.feed.lang,
        },
        deliveryId: `raw/0/${index}`,
      },
      deps,
    );
    await result.afterCommit();
    for (const article of published.slice(before)) {
      const item = byGuid.get(`${article.feedId}\n${article.source.guid ?? ''}`);
      if (!item) continue;
      const known = storyOf.get(item.id);
      if (known !== undefined && known !== article.uri) unstable.add(item.id);
      if (known === undefined) storyOf.set(item.id, article.uri);
      if (known === undefined && article.refiling)
        joinedVia.set(item.id, {
          of: itemOf(article.refiling.of),
          overlap: article.refiling.overlap,
          by: 'refile',
        });
      else if (known === undefined && article.nearDuplicate?.relation === 'same-story')
        joinedVia.set(item.id, {
          of: itemOf(article.nearDuplicate.of),
          by: 'near-duplicate',
        });
    }
  }
  for (const item of set.items) {
    if (storyOf.has(item.id)) continue;
    const [parsed] = parseDocument(rssOf([item]), {
      feedId: feedIdOf(item),
      fetchedAt: item.published,
      language: item.lang,
    }).articles;
    const sameArticle = itemsOfUri.get(ownUriOf(item))?.find((id) => storyOf.has(id));
    const uri =
      (sameArticle && storyOf.get(sameArticle)) ?? (parsed && placedWith.get(revisionOf(parsed)));
    if (uri) storyOf.set(item.id, uri);
  }
  return { storyOf, unstable: [...unstable], joinedVia };
}

/** The story an item went to, filing by filing in time order, with how each joined: for reading a false join. */
export function storyChain(set: LabelledSet, placement: Placement, id: string): string[] {
  const story = placement.storyOf.get(id);
  const byId = new Map(set.items.map((item) => [item.id, item]));
  const title = (item: LabelledItem) => item.title || `(untitled) ${item.description.slice(0, 60)}`;
  return set.items
    .filter((item) => placement.storyOf.get(item.id) === story)
    .sort((a, b) => Date.parse(a.published) - Date.parse(b.published))
    .map((item) => {
      const via = placement.joinedVia.get(item.id);
      const of = via && byId.get(via.of);
      return `${item.published} ${item.id} ${title(item)}${via ? ` <- ${via.by} ${via.overlap ?? ''} ${of ? of.id : via.of}` : ''}`;
    });
}

export interface FamilyScores {
  /** Pairs of filings of one re-file series, and how many of them share a story. */
  refilePairs: number;
  refilePairsJoined: number;
  /**
   * The pairs whose marker says they are one developing story (the earlier is a
   * flash, or the later is marked as a later filing or a re-send), and how many
   * share a story: the re-files the issue describes. The rest are re-angled
   * rewrites that only their words can join.
   */
  markedPairs: number;
  markedPairsJoined: number;
  /** Re-file series whose filings all share one story. */
  refileSeries: number;
  refileSeriesWhole: number;
  /** Pairs within recurring series, and within same-topic groups, that share a story. */
  recurringPairs: number;
  recurringFalseMerges: number;
  distinctPairs: number;
  distinctFalseMerges: number;
  /** Any two items that share a story without being in one re-file series. */
  falseMerges: number;
  missed: string[][];
  merged: string[][];
  /** The same pairs as `merged`, by item id. */
  mergedIds: [string, string][];
}

function pairs<T>(list: T[]): [T, T][] {
  const out: [T, T][] = [];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) out.push([list[i] as T, list[j] as T]);
  return out;
}

/** Each item's marker as the parser reads it: its stage, and whether it says it is a later filing. */
function markersOf(set: LabelledSet): Map<string, { stage?: string; later: boolean }> {
  const markers = new Map<string, { stage?: string; later: boolean }>();
  for (const item of set.items) {
    const [parsed] = parseDocument(rssOf([item]), {
      feedId: feedIdOf(item),
      fetchedAt: item.published,
      language: item.lang,
    }).articles;
    markers.set(item.id, {
      ...(parsed?.filing && { stage: parsed.filing }),
      later: parsed?.filing === 'follow-up' || parsed?.resent === true,
    });
  }
  return markers;
}

export function scoreFamilies(set: LabelledSet, placement: Placement): FamilyScores {
  const story = (id: string) => placement.storyOf.get(id) ?? `unplaced:${id}`;
  const titleOf = new Map(set.items.map((i) => [i.id, i.title]));
  const sameRefile = new Set<string>();
  const scores: FamilyScores = {
    refilePairs: 0,
    refilePairsJoined: 0,
    markedPairs: 0,
    markedPairsJoined: 0,
    refileSeries: set.labels.refileSeries.length,
    refileSeriesWhole: 0,
    recurringPairs: 0,
    recurringFalseMerges: 0,
    distinctPairs: 0,
    distinctFalseMerges: 0,
    falseMerges: 0,
    missed: [],
    merged: [],
    mergedIds: [],
  };
  const markerOf = markersOf(set);
  const publishedAt = new Map(set.items.map((i) => [i.id, Date.parse(i.published)]));
  for (const series of set.labels.refileSeries) {
    const stories = new Set(series.items.map(story));
    if (stories.size === 1) scores.refileSeriesWhole++;
    const inTime = [...series.items].sort(
      (a, b) => (publishedAt.get(a) ?? 0) - (publishedAt.get(b) ?? 0),
    );
    for (const [a, b] of pairs(inTime)) {
      sameRefile.add(`${a}\n${b}`).add(`${b}\n${a}`);
      scores.refilePairs++;
      const marked = markerOf.get(a)?.stage === 'flash' || markerOf.get(b)?.later === true;
      if (marked) scores.markedPairs++;
      if (story(a) === story(b)) {
        scores.refilePairsJoined++;
        if (marked) scores.markedPairsJoined++;
      } else scores.missed.push([titleOf.get(a) ?? a, titleOf.get(b) ?? b]);
    }
  }
  for (const [group, key] of [
    [set.labels.recurringSeries, 'recurring'],
    [set.labels.distinctSameTopic, 'distinct'],
  ] as const) {
    for (const series of group) {
      for (const [a, b] of pairs(series.items)) {
        if (sameRefile.has(`${a}\n${b}`)) continue;
        if (key === 'recurring') scores.recurringPairs++;
        else scores.distinctPairs++;
        if (story(a) !== story(b)) continue;
        if (key === 'recurring') scores.recurringFalseMerges++;
        else scores.distinctFalseMerges++;
      }
    }
  }
  const members = new Map<string, string[]>();
  for (const item of set.items)
    members.set(story(item.id), [...(members.get(story(item.id)) ?? []), item.id]);
  for (const ids of members.values()) {
    for (const [a, b] of pairs(ids)) {
      if (sameRefile.has(`${a}\n${b}`)) continue;
      scores.falseMerges++;
      scores.merged.push([titleOf.get(a) ?? a, titleOf.get(b) ?? b]);
      scores.mergedIds.push([a, b]);
    }
  }
  return scores;
}
