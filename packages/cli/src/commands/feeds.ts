// `wire feeds`: every feed's health as the ingesters keep it in Redis.
import { connectRedis } from '@wire/redis';

export interface FeedsSettings {
  redisUrl: string;
  prefix: string;
  json: boolean;
  print: (line: string) => void;
}

export interface FeedHealth {
  feed: string;
  status: string;
  lastSuccessAt: string;
  consecutiveFailures: number;
  itemsSeen: number;
  gaps: number;
  quiet: boolean;
  polledBy: string;
}

export async function readFeedHealth(
  settings: Pick<FeedsSettings, 'redisUrl' | 'prefix'>,
): Promise<FeedHealth[]> {
  const redis = await connectRedis({ url: settings.redisUrl, failFast: true });
  try {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(
        cursor,
        'MATCH',
        `${settings.prefix}feed:*`,
        'COUNT',
        500,
      );
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    const feeds = keys.map((key) => key.slice(`${settings.prefix}feed:`.length)).sort();
    const pipeline = redis.pipeline();
    for (const feed of feeds) {
      pipeline.hgetall(`${settings.prefix}feed:${feed}`);
      pipeline.get(`${settings.prefix}lease:${feed}`);
    }
    const replies = (await pipeline.exec()) ?? [];
    return feeds.map((feed, i) => {
      const state = (replies[2 * i]?.[1] ?? {}) as Record<string, string>;
      const lease = (replies[2 * i + 1]?.[1] as string | null) ?? '';
      return {
        feed,
        status: state.lastStatus ?? '-',
        lastSuccessAt: state.lastSuccessAt ?? '-',
        consecutiveFailures: Number(state.consecutiveFailures ?? 0),
        itemsSeen: Number(state.itemsSeen ?? 0),
        gaps: Number(state.gaps ?? 0),
        quiet: state.quiet === '1',
        polledBy: lease.replace(/:\d+$/, '') || '-',
      };
    });
  } finally {
    await redis.quit();
  }
}

export async function runFeeds(settings: FeedsSettings): Promise<number> {
  const health = await readFeedHealth(settings);
  if (settings.json) {
    for (const feed of health) settings.print(JSON.stringify(feed));
    return 0;
  }
  const rows = [
    ['FEED', 'STATUS', 'LAST SUCCESS', 'FAILURES', 'ITEMS', 'GAPS', 'QUIET', 'POLLED BY'],
    ...health.map((h) => [
      h.feed,
      h.status,
      h.lastSuccessAt,
      String(h.consecutiveFailures),
      String(h.itemsSeen),
      String(h.gaps),
      h.quiet ? 'yes' : '',
      h.polledBy,
    ]),
  ];
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  for (const row of rows)
    settings.print(
      row
        .map((cell, c) => cell.padEnd(widths[c] ?? 0))
        .join('  ')
        .trimEnd(),
    );
  if (health.length === 0) settings.print('(no feed has been polled under this prefix)');
  return 0;
}
