// Any interleaving of a story's versions through normalizeDocument with the
// normalizer's Redis state (claims, the Redis story ledger and its Lua script)
// against the real Redis (the property is in version-interleavings.ts).
import { randomUUID } from 'node:crypto';
import { connectRedis, type Redis } from '@wire/redis';
import { testRedisUrl, uniqueNamespace } from '@wire/testkit';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createNormalizerState } from '../src/index.js';
import { checkInterleaving, deliveries } from './version-interleavings.js';

describe('versions of a story in any interleaving, in Redis', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = await connectRedis({ url: testRedisUrl });
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('publishes each version once and ends with the highest as the one latest', async () => {
    await fc.assert(
      fc.asyncProperty(deliveries, (run) => {
        const state = createNormalizerState(redis, {
          WIRE_REDIS_PREFIX: uniqueNamespace('interleavings'),
          CLAIM_PENDING_TTL_MS: 60_000,
          DEDUPE_TTL_DAYS: 1,
          NEAR_DUPLICATE_MAX_DISTANCE: 3,
          NEAR_DUPLICATE_WINDOW_HOURS: 1,
        });
        return checkInterleaving(`story-${randomUUID()}`, run, state);
      }),
      { numRuns: 30 },
    );
  });
});
