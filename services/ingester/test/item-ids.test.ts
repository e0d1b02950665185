import { describe, expect, it } from 'vitest';
import { itemIdsOf } from '../src/item-ids.js';

describe('itemIdsOf', () => {
  it('gives the guid of each item, else its link', () => {
    const feed = Buffer.from(
      '<rss version="2.0"><channel><item><title>a</title><guid>g1</guid></item>' +
        '<item><title>b</title><link>https://x.org/b</link></item></channel></rss>',
    );
    expect(itemIdsOf(feed, 'application/rss+xml', 'f')).toEqual(['g1', 'https://x.org/b']);
  });

  it('gives none for a document that does not parse, without throwing', () => {
    expect(itemIdsOf(Buffer.from('<html>not a feed</html>'), 'text/html', 'f')).toEqual([]);
  });
});
