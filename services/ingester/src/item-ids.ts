// The ids of a document's items (guid, else link), for the feed's item counts
// and gap detection. The ingester parses with the normalizer's own parser.
import { ParseError, parseDocument } from '@wire/feeds';

/** The ids of a document's items; a document that does not parse has none here (the normalizer dead-letters it). */
export function itemIdsOf(body: Buffer, contentType: string, feedId: string): string[] {
  try {
    const parsed = parseDocument(body, {
      feedId,
      fetchedAt: new Date().toISOString(),
      contentType,
    });
    return parsed.articles.flatMap((a) => a.source.guid ?? a.source.link ?? []);
  } catch (err) {
    if (err instanceof ParseError) return [];
    throw err;
  }
}
