// The status page: the status report as one server-rendered HTML document with
// inline CSS and SVG sparklines. No script; a meta refresh reloads it.
import type { FeedCondition } from './feed-condition.js';
import { escapeHtml as e } from './html-escape.js';
import { absoluteTime, relativeTime } from './relative-time.js';
import { sparklineSvg } from './sparkline.js';
import type { FeedStatus, StageStatus, StatusReport } from './status-report.js';

export const refreshSeconds = 30;

/** Worst first, so a failing feed is at the top of the page. */
const severity: Record<FeedCondition, number> = {
  failing: 0,
  'backing off': 1,
  quiet: 2,
  'never polled': 3,
  ok: 4,
};

export function renderStatusPage(report: StatusReport): string {
  const now = Date.parse(report.generatedAt);
  const feeds = [...report.feeds].sort(
    (a, b) => severity[a.condition] - severity[b.condition] || a.id.localeCompare(b.id),
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${refreshSeconds}">
<link rel="icon" href="data:,">
<title>wire status</title>
<style>${styles}</style>
</head>
<body>
<header>
<h1>wire status</h1>
<p class="muted">Rendered by <b>${e(report.instance)}</b> at ${e(absoluteTime(now))}; reloads every ${refreshSeconds} s. <a href="/status.json">JSON</a></p>
<p class="summary">${summaryOf(report.feeds)}</p>
</header>
<main>
<h2>Feeds</h2>
<table class="feeds">
<thead><tr><th>Feed</th><th>State</th><th>Last success</th><th>Failures in a row</th><th>Next poll</th><th>New items per hour, last 24 h</th><th>Polled by</th><th>Full text</th></tr></thead>
<tbody>
${feeds.map((feed) => feedRow(feed, now)).join('\n')}
</tbody>
</table>
<h2>Stages</h2>
<table class="stages">
<thead><tr><th>Stage</th><th>Topic</th><th>Records per minute</th><th>Last ${Math.round(windowMinutes(report))} min</th></tr></thead>
<tbody>
${report.stages.map((stage) => stageRow(stage, report.sampleSeconds)).join('\n')}
</tbody>
</table>
${lagTable(report)}
<p class="muted note">Records per minute come from the topics' end offsets, sampled every ${report.sampleSeconds} s by this instance; transactional topics also count commit markers, so they read slightly high.</p>
</main>
</body>
</html>
`;
}

function summaryOf(feeds: FeedStatus[]): string {
  const counts = new Map<FeedCondition, number>();
  for (const feed of feeds) counts.set(feed.condition, (counts.get(feed.condition) ?? 0) + 1);
  const parts = [...counts.entries()]
    .sort(([a], [b]) => severity[a] - severity[b])
    .map(
      ([condition, n]) => `<span class="badge ${badgeClass(condition)}">${n} ${condition}</span>`,
    );
  return `${feeds.length} feed${feeds.length === 1 ? '' : 's'}: ${parts.join(' ')}`;
}

function feedRow(feed: FeedStatus, now: number): string {
  const status = feed.lastStatus ? `last: ${e(feed.lastStatus)}` : '';
  const spark = sparklineSvg(feed.itemsPerHour, {
    label: `${feed.itemsLast24h} new items in the last 24 hours`,
  });
  return `<tr data-feed="${e(feed.id)}" data-state="${e(feed.condition)}">
<td><div class="feed-id">${e(feed.id)}</div><div class="muted">${e(feed.agency)} · <span class="url">${e(feed.url)}</span></div></td>
<td><span class="badge ${badgeClass(feed.condition)}">${e(feed.condition)}</span><div class="muted">${status}</div></td>
<td>${timeCell(feed.lastSuccessAt, now, 'never')}</td>
<td class="num">${feed.consecutiveFailures}</td>
<td>${nextPollCell(feed, now)}</td>
<td class="spark-cell">${spark}<span class="num">${feed.itemsLast24h}</span></td>
<td>${feed.polledBy ? e(feed.polledBy) : '<span class="muted">no lease</span>'}</td>
<td>${fullTextCell(feed)}</td>
</tr>`;
}

/** Pages published out of those settled, as a share: how well the feed's full text works. */
function fullTextCell(feed: FeedStatus): string {
  if (!feed.fullText) return '<span class="muted">off</span>';
  const { mode, published, failed } = feed.fullText;
  const settled = published + failed;
  const share = settled === 0 ? '–' : `${Math.round((100 * published) / settled)} %`;
  return `<span class="num">${share}</span><div class="muted">${published} of ${settled} pages · ${e(mode)}</div>`;
}

function timeCell(iso: string | undefined, now: number, missing: string): string {
  const at = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(at)) return `<span class="muted">${missing}</span>`;
  return `<time datetime="${e(iso ?? '')}">${e(relativeTime(at, now))}</time><div class="muted">${e(absoluteTime(at))}</div>`;
}

function nextPollCell(feed: FeedStatus, now: number): string {
  const at = feed.nextPollAt ? Date.parse(feed.nextPollAt) : Number.NaN;
  if (!Number.isNaN(at) && at <= now) return `due<div class="muted">${e(absoluteTime(at))}</div>`;
  return timeCell(feed.nextPollAt, now, `every ${feed.intervalSeconds} s`);
}

function stageRow(stage: StageStatus, sampleSeconds: number): string {
  const rate = stage.recordsPerMinute === undefined ? '–' : String(stage.recordsPerMinute);
  const spark = sparklineSvg(stage.perMinute, {
    label: `${stage.stage}: records per minute, one point per ${sampleSeconds} s`,
  });
  return `<tr data-topic="${e(stage.topic)}">
<td>${e(stage.stage)}</td><td class="mono">${e(stage.topic)}</td><td class="num">${rate}</td><td class="spark-cell">${spark}</td>
</tr>`;
}

function lagTable(report: StatusReport): string {
  if (report.lags.length === 0) return '';
  const rows = report.lags.map(
    (l) =>
      `<tr><td class="mono">${e(l.group)}</td><td class="mono">${e(l.topic)}</td><td class="num">${l.lag === undefined ? '–' : l.lag}</td></tr>`,
  );
  return `<h2>Consumer lag</h2>
<table class="lags">
<thead><tr><th>Group</th><th>Topic</th><th>Records behind</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function windowMinutes(report: StatusReport): number {
  const points = Math.max(0, ...report.stages.map((s) => s.perMinute.length));
  return Math.max(1, (points * report.sampleSeconds) / 60);
}

function badgeClass(condition: FeedCondition): string {
  return `badge-${condition.replace(' ', '-')}`;
}

const styles = `
:root { color-scheme: light; --muted: #5f6b7a; --line: #e3e7ed; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2733; background: #f7f8fa; }
h1 { margin: 0 0 4px; font-size: 22px; }
h2 { margin: 28px 0 8px; font-size: 16px; }
a { color: #1f5fbf; }
table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); }
th, td { padding: 8px 10px; text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); }
th { font-size: 12px; font-weight: 600; color: var(--muted); background: #fbfcfd; }
.muted { color: var(--muted); font-size: 12px; }
.mono, .url { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
.num { font-variant-numeric: tabular-nums; }
.feed-id { font-weight: 600; }
.summary { margin: 10px 0 0; }
.note { margin-top: 12px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.badge-ok { background: #dcf3e3; color: #16653a; }
.badge-failing { background: #fde0de; color: #a32117; }
.badge-backing-off { background: #feead5; color: #9a4a05; }
.badge-quiet { background: #fdf4c8; color: #7a5d00; }
.badge-never-polled { background: #e9ecf0; color: #4a5563; }
.spark-cell { white-space: nowrap; }
.spark-cell .num { margin-left: 8px; }
.spark { vertical-align: middle; }
.spark-line { fill: none; stroke: #2f6fd0; stroke-width: 1.5; stroke-linejoin: round; }
.spark-area { fill: #e1ebfa; }
.spark-last { fill: #2f6fd0; }
.spark-empty { stroke: #c5ccd6; stroke-dasharray: 3 3; }
tr[data-state="failing"] .spark-line, tr[data-state="backing off"] .spark-line { stroke: #c0392b; }
`;
