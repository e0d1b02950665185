// The feed registry a test's ingester reads: its feeds, served by a local feed
// server, so each is allowed to resolve to the loopback address the SSRF guard
// refuses otherwise.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestFeed {
  id: string;
  url: string | undefined;
  agency?: string;
  /** Seconds between polls (default 1). */
  intervalSeconds?: number;
  [setting: string]: unknown;
}

/** Writes the registry under the test's namespace and returns its path (FEEDS_FILE). */
export function writeFeedRegistry(ns: string, feeds: TestFeed[]): string {
  const path = join(tmpdir(), `${ns}feeds.json`);
  const entries = feeds.map((feed) => ({
    agency: 'test',
    intervalSeconds: 1,
    ...feed,
    allowAddresses: ['127.0.0.1'],
  }));
  writeFileSync(path, JSON.stringify({ feeds: entries }));
  return path;
}
