// What `wire replay` feeds through the stages, in the order given: a file as one
// fetch of it; a folder's feed documents by name, recursively; a raw-fetch archive
// (the ingester's ARCHIVE_DIR) as its fetches in the order they happened, each with
// the headers the ingester recorded.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { type IdentityStrategy, rawDocumentHeadersSchema } from '@wire/schema';

export interface ReplayDocument {
  /** Where it came from: a path, for progress and errors. */
  label: string;
  body: Buffer;
  headers: Record<string, string>;
  /** When it was fetched, for --speed; known only for archived fetches. */
  fetchedAt?: Date;
}

/** How a plain file is described, as a feed in the registry would describe it. */
export interface FileDefaults {
  feedId: string;
  agency: string;
  identity: IdentityStrategy;
  language?: string | undefined;
  /** IANA time zone of dates without one. */
  timeZone?: string | undefined;
  contentType?: string | undefined;
  /** wire-fetched-at of plain files. */
  fetchedAt: Date;
}

// The archive keeps <sha256>.body beside one <sha256>.<fetch id>.json per fetch.
const archivedFetch = /^([0-9a-f]{64})\.(.+)\.json$/;
const feedDocument = /\.(xml|rss|atom|rdf|nitf|newsml|g2)$/i;

export async function listReplayDocuments(
  paths: string[],
  defaults: FileDefaults,
): Promise<ReplayDocument[]> {
  const documents: ReplayDocument[] = [];
  for (const path of paths) {
    const info = await stat(path);
    if (!info.isDirectory()) {
      documents.push(await plainDocument(path, defaults));
      continue;
    }
    const files = await filesUnder(path);
    const fetches = files.filter((file) => archivedFetch.test(basename(file)));
    if (fetches.length > 0) {
      documents.push(...(await archivedDocuments(fetches)));
    } else {
      const feeds = files.filter((file) => feedDocument.test(file));
      for (const file of feeds) documents.push(await plainDocument(file, defaults));
    }
  }
  return documents;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function plainDocument(path: string, defaults: FileDefaults): Promise<ReplayDocument> {
  const body = await readFile(path);
  return { label: path, body, headers: fetchHeaders(body, `file://${resolve(path)}`, defaults) };
}

/** The wire.raw.v1 headers the ingester would have written for these bytes from this address. */
export function fetchHeaders(
  body: Uint8Array,
  url: string,
  defaults: FileDefaults,
): Record<string, string> {
  const sha256 = createHash('sha256').update(body).digest('hex');
  return {
    'wire-feed-id': defaults.feedId,
    'wire-agency': defaults.agency,
    'wire-url': url,
    // The same bytes get the same fetch id on every run.
    'wire-fetch-id': `replay-${sha256.slice(0, 16)}`,
    'wire-fetched-at': defaults.fetchedAt.toISOString(),
    'wire-http-status': '200',
    'wire-content-type': defaults.contentType ?? '',
    'wire-sha256': sha256,
    'wire-identity': defaults.identity,
    ...(defaults.language && { 'wire-language': defaults.language }),
    ...(defaults.timeZone && { 'wire-time-zone': defaults.timeZone }),
  };
}

async function archivedDocuments(headerFiles: string[]): Promise<ReplayDocument[]> {
  const documents: ReplayDocument[] = [];
  for (const file of headerFiles) {
    const [, sha256] = archivedFetch.exec(basename(file)) ?? [];
    const recorded = JSON.parse(await readFile(file, 'utf8')) as unknown;
    const checked = rawDocumentHeadersSchema.safeParse(recorded);
    if (!checked.success) {
      throw new Error(`${file}: not the headers of an archived fetch: ${checked.error.message}`);
    }
    const body = await readFile(join(file, '..', `${sha256}.body`));
    const headers = Object.fromEntries(
      Object.entries(recorded as Record<string, unknown>)
        .filter(([, value]) => value !== undefined && value !== null)
        .map(([name, value]) => [name, String(value)]),
    );
    documents.push({
      label: file,
      body,
      headers,
      fetchedAt: new Date(checked.data['wire-fetched-at']),
    });
  }
  // The order the fetches happened in, whatever their hashes.
  return documents.sort(
    (a, b) =>
      (a.fetchedAt?.getTime() ?? 0) - (b.fetchedAt?.getTime() ?? 0) ||
      (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );
}
