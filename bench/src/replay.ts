// Replay: `wire replay --dry-run` of an archive of raw fetches (the ingester's
// ARCHIVE_DIR layout), in documents/s, run as a user runs it (the CLI as its own
// process, its state in a scratch Redis namespace, its records printed to
// /dev/null), beside parseDocument alone on the same documents in this process:
// the work no replay can skip.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from '@wire/feeds';
import { repoRoot, testBrokers, testRedisUrl } from '@wire/testkit';
import { changed, type FleetFeed, feedId, firstVersion, renderFeed } from './fleet-documents.js';
import { type Figure, figure } from './harness.js';
import { rawHeaders } from './raw-records.js';
import type { TextPool } from './synthetic-feeds.js';

export interface ReplayBenchSettings {
  documents: number;
  /** Feeds fetched in turn; each fetch of a feed shows one new item on top. */
  feeds: number;
  runId: string;
}

export interface ArchivedFetch {
  body: Buffer;
  headers: Record<string, string>;
}

/**
 * The fetches an archive holds: every feed once a round, each time changed (a new
 * item on top, the oldest gone), as the ingester archives only what changed. So
 * the first round's items are all new and later rounds bring one new item each.
 */
export function archivedFetches(pool: TextPool, settings: ReplayBenchSettings): ArchivedFetch[] {
  const fetches: ArchivedFetch[] = [];
  const feeds: FleetFeed[] = [];
  const start = Date.parse('2026-03-02T08:00:00Z');
  for (let n = 0; n < settings.documents; n++) {
    const index = n % settings.feeds;
    const previous = feeds[index];
    const feed = previous ? changed(previous) : firstVersion(index);
    feeds[index] = feed;
    const body = renderFeed(feed, pool, settings.runId);
    fetches.push({ body, headers: rawHeaders(body, feedId(index), new Date(start + n * 1000)) });
  }
  return fetches;
}

/** Writes the fetches as the ingester's raw archive does (`services/ingester/src/raw-archive.ts`). */
export function writeArchive(dir: string, fetches: ArchivedFetch[]): void {
  for (const { body, headers } of fetches) {
    const sha = headers['wire-sha256'] as string;
    const folder = join(dir, sha.slice(0, 2));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${sha}.body`), body);
    writeFileSync(
      join(folder, `${sha}.${headers['wire-fetch-id']}.json`),
      `${JSON.stringify(headers, null, 2)}\n`,
    );
  }
}

interface ReplayRun {
  seconds: number;
  /** The summary the command printed, by row name. */
  summary: Record<string, number>;
}

/** `wire replay --dry-run DIR`, timed from spawn to exit. */
function runReplayCommand(dir: string): Promise<ReplayRun> {
  const cli = join(repoRoot, 'apps/cli/dist/src/main.js');
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, [cli, 'replay', '--dry-run', dir], {
    env: { PATH: process.env.PATH, KAFKA_BROKERS: testBrokers.join(','), REDIS_URL: testRedisUrl },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (code !== 0) {
        reject(new Error(`wire replay --dry-run exited with ${code}: ${stderr.slice(-2_000)}`));
        return;
      }
      // The table it ends with: "documents  10000", "records printed  12000"...
      const summary: Record<string, number> = {};
      for (const [, name, n] of stderr.matchAll(/^([a-z ]+?)\s+(\d+)$/gm)) {
        summary[name as string] = Number(n);
      }
      resolve({ seconds, summary });
    });
  });
}

/** One pass of parseDocument over the fetches, with the context the replay gives it. */
function parseAll(fetches: ArchivedFetch[]): number {
  let articles = 0;
  for (const { body, headers } of fetches) {
    articles += parseDocument(body, {
      feedId: headers['wire-feed-id'] as string,
      fetchedAt: headers['wire-fetched-at'] as string,
      contentType: headers['wire-content-type'],
      url: headers['wire-url'],
      language: headers['wire-language'],
    }).articles.length;
  }
  return articles;
}

const n = (value: number) => value.toLocaleString('en-US');

export async function benchReplay(pool: TextPool, settings: ReplayBenchSettings): Promise<Figure> {
  const fetches = archivedFetches(pool, settings);
  const dir = mkdtempSync(join(tmpdir(), 'wire-bench-replay-'));
  try {
    writeArchive(dir, fetches);
    const run = await runReplayCommand(dir);
    if (run.summary.documents !== fetches.length) {
      throw new Error(`wire replay read ${run.summary.documents} of ${fetches.length} documents`);
    }
    parseAll(fetches.slice(0, 200)); // warm up
    const start = process.hrtime.bigint();
    parseAll(fetches);
    const parseSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const { articles = 0, created = 0, duplicates = 0 } = run.summary;
    return figure(
      `wire replay --dry-run, ${n(fetches.length)} archived documents`,
      fetches.length / run.seconds,
      'documents/s',
      'parseDocument alone on the same documents, documents/s',
      fetches.length / parseSeconds,
      `${n(articles)} articles: ${n(created)} new, ${n(duplicates)} already seen; ${n(run.summary['records printed'] ?? 0)} records printed; the process from start to exit`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
