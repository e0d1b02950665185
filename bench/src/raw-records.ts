// wire.raw.v1 headers for a document, as the ingester writes them.
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
