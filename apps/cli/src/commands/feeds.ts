// `wire feeds`: every feed's health as the ingesters keep it in Redis (read by the
// ingester's own readFeedHealth, which its status page uses too).
import { readFeedHealth } from '@wire/ingester';
import { connectRedis, type RedisClientSettings } from '@wire/redis';

export interface FeedsSettings {
  redis: RedisClientSettings;
  prefix: string;
  json: boolean;
  print: (line: string) => void;
}

export async function runFeeds(settings: FeedsSettings): Promise<number> {
  const redis = await connectRedis({ ...settings.redis, failFast: true });
  const health = await readFeedHealth(redis, settings.prefix).finally(() => redis.quit());
  if (settings.json) {
    for (const feed of health) settings.print(JSON.stringify(feed));
    return 0;
  }
  const rows = [
    ['FEED', 'STATUS', 'LAST SUCCESS', 'FAILURES', 'ITEMS', 'GAPS', 'QUIET', 'POLLED BY'],
    ...health.map((h) => [
      h.feed,
      h.status ?? '-',
      h.lastSuccessAt ?? '-',
      String(h.consecutiveFailures),
      String(h.itemsSeen),
      String(h.gaps),
      h.quiet ? 'yes' : '',
      h.polledBy ?? '-',
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
