// wire.raw.v1 records and their headers, as the ingester writes them.
import { createHash, randomUUID } from 'node:crypto';

export function rawHeaders(
  document: Buffer,
  feedId: string,
  fetchedAt: Date = new Date(),
): Record<string, string> {
  return {
    'wire-feed-id': feedId,
    'wire-agency': 'bench',
    'wire-url': `https://agency.example/${feedId}.xml`,
    'wire-fetch-id': randomUUID(),
    'wire-fetched-at': fetchedAt.toISOString(),
    'wire-http-status': '200',
    'wire-content-type': 'application/rss+xml; charset=utf-8',
    'wire-sha256': createHash('sha256').update(document).digest('hex'),
    'wire-format-hint': 'auto',
    'wire-language': 'en',
    'wire-identity': 'guid',
  };
}

/**
 * `count` wire.raw.v1 records cycling through the documents, keyed by feed id
 * over 100 feeds (so every partition gets some), with the ingester's headers.
 */
export function rawRecords(
  documents: readonly Buffer[],
  count: number,
): { key: string; value: Buffer; headers: Record<string, string> }[] {
  return Array.from({ length: count }, (_, i) => {
    const value = documents[i % documents.length] as Buffer;
    const key = `feed-${i % 100}`;
    return { key, value, headers: rawHeaders(value, key) };
  });
}
