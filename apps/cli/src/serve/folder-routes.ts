// What `wire serve DIR` serves. Each file under DIR is a feed at its relative path,
// read again on every request so editing it is a new version of the feed; its ETag
// is a hash of the bytes and its Last-Modified the file's mtime. With a timeline,
// each subfolder is one feed at /<subfolder> whose files, in name order, are its
// successive snapshots: the first from the start, the next `stepMs` later, and so
// on, the last one staying, as a live agency's feed changes over time.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { FeedRoute } from '../feed-server.js';

const contentTypes: Record<string, string> = {
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.rdf': 'application/rdf+xml',
  '.json': 'application/json',
};

export function contentTypeOf(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('hex').slice(0, 20)}"`;
}

/** The file under `root` that a request path names, never one outside it. */
function fileFor(root: string, path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const file = resolve(root, `.${decoded}`);
  return file.startsWith(root + sep) ? file : undefined;
}

async function fileRoute(file: string, lastModified?: Date): Promise<FeedRoute | undefined> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return undefined;
    const body = await readFile(file);
    return {
      body,
      contentType: contentTypeOf(file),
      etag: etagOf(body),
      lastModified: lastModified ?? info.mtime,
    };
  } catch {
    return undefined;
  }
}

export function folderRoutes(dir: string): (path: string) => Promise<FeedRoute | undefined> {
  const root = resolve(dir);
  return async (path) => {
    const file = fileFor(root, path);
    return file ? fileRoute(file) : undefined;
  };
}

export interface Timeline {
  /** The feed paths and how many snapshots each has. */
  feeds: { path: string; snapshots: number }[];
  resolve(path: string): Promise<FeedRoute | undefined>;
}

export async function timelineRoutes(
  dir: string,
  stepMs: number,
  startedAt: number,
  now: () => number = Date.now,
): Promise<Timeline> {
  const root = resolve(dir);
  const snapshots = new Map<string, string[]>();
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const folder = join(root, entry.name);
    const files = (await readdir(folder, { withFileTypes: true }))
      .filter((f) => f.isFile() && !f.name.startsWith('.'))
      .map((f) => join(folder, f.name))
      .sort();
    if (files.length > 0) snapshots.set(`/${relative(root, folder)}`, files);
  }
  const plainFiles = folderRoutes(root);
  return {
    feeds: [...snapshots].map(([path, files]) => ({ path, snapshots: files.length })),
    async resolve(path) {
      const files = snapshots.get(path);
      if (!files) return plainFiles(path);
      const index = Math.min(Math.floor((now() - startedAt) / stepMs), files.length - 1);
      return fileRoute(files[index] as string, new Date(startedAt + index * stepMs));
    },
  };
}
