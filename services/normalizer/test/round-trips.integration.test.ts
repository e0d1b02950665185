// The normalizer asks Redis about a whole document at once: a fixed number of
// round trips per document, whatever its number of articles (counted as writes to
// the socket: the client's auto-pipelining puts what is asked together in one).
import { createHash } from 'node:crypto';
import { connectRedis, type Redis } from '@wire/redis';
import { testRedisUrl, uniqueNamespace } from '@wire/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNormalizerState, normalizeDocument } from '../src/index.js';

function feed(items: number): Buffer {
  const body = (n: number) =>
    Array.from(
      { length: 30 },
      (_, k) => `Paragraph ${k} of story ${n} says ${n * 31 + k} things.`,
    ).join(' ');
  const xml = Array.from(
    { length: items },
    (_, n) =>
      `<item><title>Story ${n}</title><guid>rt-${n}</guid><link>https://example.com/${n}</link><description>${body(n)}</description></item>`,
  );
  return Buffer.from(`<rss version="2.0"><channel><title>t</title>${xml.join('')}</channel></rss>`);
}

describe('Redis round trips of a document', () => {
  let redis: Redis;
  let writes = 0;
  beforeAll(async () => {
    redis = await connectRedis({ url: testRedisUrl });
    const socket = (redis as unknown as { stream: { write: (...args: unknown[]) => boolean } })
      .stream;
    const write = socket.write.bind(socket);
    socket.write = (...args: unknown[]) => {
      writes++;
      return write(...args);
    };
  });
  afterAll(async () => {
    await redis.quit();
  });

  it.each([5, 40])('are 4 for new stories and 2 for a re-poll, with %i articles', async (items) => {
    const prefix = uniqueNamespace('round-trips');
    const state = createNormalizerState(redis, {
      WIRE_REDIS_PREFIX: prefix,
      CLAIM_PENDING_TTL_MS: 60_000,
      DEDUPE_TTL_DAYS: 1,
      NEAR_DUPLICATE_MAX_DISTANCE: 3,
      NEAR_DUPLICATE_WINDOW_HOURS: 1,
    });
    const value = feed(items);
    const headers = {
      'wire-feed-id': 'rt',
      'wire-agency': 'rt',
      'wire-url': 'http://127.0.0.1/rt.xml',
      'wire-fetch-id': 'f1',
      'wire-fetched-at': '2026-11-28T10:00:00Z',
      'wire-http-status': '200',
      'wire-content-type': 'application/rss+xml',
      'wire-sha256': createHash('sha256').update(value).digest('hex'),
      'wire-identity': 'guid',
    };
    const normalize = async (deliveryId: string) => {
      writes = 0;
      const result = await normalizeDocument(
        { value, headers, deliveryId },
        {
          ...state,
          sleep: async () => undefined,
          publishNormalized: async () => undefined,
          deadLetter: async () => undefined,
        },
      );
      await result.afterCommit();
      return { summary: result.summary, writes };
    };
    const first = await normalize('raw/0/1');
    expect(first.summary).toMatchObject({ articles: items, published: items });
    // Lookups, then the recent filings for items nothing placed, then claims and
    // placements, then the done markers after the commit.
    expect(first.writes).toBe(4);
    const again = await normalize('raw/0/2');
    expect(again.summary).toMatchObject({ articles: items, duplicates: items });
    expect(again.writes).toBe(2);
  });
});
