// `wire serve DIR`: a local feed server for the documents in DIR (or, with
// --timeline, feeds that change over time), with faults to inject, until stopped.
import { readdir } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { type FeedFaults, type FeedServer, startFeedServer } from '../feed-server.js';
import { folderRoutes, timelineRoutes } from '../serve/folder-routes.js';

export interface ServeSettings {
  dir: string;
  host: string;
  port: number;
  /** Snapshot interval in ms; undefined serves the files as they are. */
  timelineStepMs?: number | undefined;
  faults: FeedFaults;
  print(line: string): void;
  /** Resolves when the server should stop (Ctrl-C). */
  stopped: Promise<unknown>;
}

export async function startServe(
  settings: Omit<ServeSettings, 'stopped'>,
): Promise<{ server: FeedServer; paths: string[] }> {
  const timeline =
    settings.timelineStepMs === undefined
      ? undefined
      : await timelineRoutes(settings.dir, settings.timelineStepMs, Date.now());
  const server = await startFeedServer({
    host: settings.host,
    port: settings.port,
    faults: settings.faults,
    resolve: timeline ? timeline.resolve : folderRoutes(settings.dir),
    onRequest: (r) => settings.print(`${r.method} ${r.path} ${r.status} ${r.bytes}B ${r.ms}ms`),
  });
  const paths = timeline
    ? timeline.feeds.map((feed) => feed.path)
    : (await readdir(settings.dir, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
        .map(
          (entry) => `/${relative(resolve(settings.dir), resolve(entry.parentPath, entry.name))}`,
        )
        .sort();
  return { server, paths };
}

export async function runServe(settings: ServeSettings): Promise<number> {
  const { server, paths } = await startServe(settings);
  settings.print(`serving ${resolve(settings.dir)}`);
  if (settings.timelineStepMs !== undefined) {
    settings.print(
      `timeline: each feed moves to its next snapshot every ${settings.timelineStepMs / 1000}s`,
    );
  }
  for (const path of paths) settings.print(`  ${server.url(path)}`);
  await settings.stopped;
  await server.close();
  return 0;
}
