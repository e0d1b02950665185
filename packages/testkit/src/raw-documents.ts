// Raw documents as the ingester writes them to wire.raw.v1, for the tests that
// feed the normalizer directly instead of through a feed server and the ingester.
import { createHash } from 'node:crypto';

/**
 * An RSS document of `count` numbered items from `first`, each its own story
 * (guid `<prefix>-<n>`); `pubDate`, when given, is every item's.
 */
export function numberedItemsFeed(
  prefix: string,
  first: number,
  count: number,
  pubDate?: string,
): Buffer {
  const items = Array.from({ length: count }, (_, i) => {
    const n = first + i;
    const date = pubDate ? `<pubDate>${pubDate}</pubDate>` : '';
    return `<item><title>Item ${n}</title><guid>${prefix}-${n}</guid><description>Body of item ${n}.</description>${date}</item>`;
  });
  return Buffer.from(
    `<rss version="2.0"><channel><title>${prefix}</title>${items.join('')}</channel></rss>`,
  );
}

/** One fetch of a feed as a wire.raw.v1 record: key, bytes and the ingester's headers. */
export function rawFetchRecord(
  feedId: string,
  fetchId: string,
  body: Buffer,
  agency = 'test',
): { key: string; value: Buffer; headers: Record<string, string> } {
  return {
    key: feedId,
    value: body,
    headers: {
      'wire-feed-id': feedId,
      'wire-agency': agency,
      'wire-url': `http://127.0.0.1/${feedId}.xml`,
      'wire-fetch-id': fetchId,
      'wire-fetched-at': new Date().toISOString(),
      'wire-http-status': '200',
      'wire-content-type': 'application/rss+xml',
      'wire-sha256': createHash('sha256').update(body).digest('hex'),
      'wire-identity': 'guid',
    },
  };
}
