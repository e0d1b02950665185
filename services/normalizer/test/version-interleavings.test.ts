// Any interleaving of a story's versions through normalizeDocument with the
// in-memory stores (the property is in version-interleavings.ts).
import { randomUUID } from 'node:crypto';
import { createMemoryClaimStore } from '@wire/redis';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  createMemoryLinkMemory,
  createMemoryNearDuplicateIndex,
  createMemoryStoryAliases,
  createMemoryStoryLedger,
} from '../src/index.js';
import { checkInterleaving, deliveries } from './version-interleavings.js';

describe('versions of a story in any interleaving, in memory', () => {
  it('publishes each version once and ends with the highest as the one latest', async () => {
    await fc.assert(
      fc.asyncProperty(deliveries, (run) =>
        checkInterleaving(`story-${randomUUID()}`, run, {
          claims: createMemoryClaimStore({ pendingTtlMs: 60_000, doneTtlMs: 60_000 }),
          stories: createMemoryStoryLedger(),
          nearDuplicates: createMemoryNearDuplicateIndex({ maxDistance: 3 }),
          links: createMemoryLinkMemory(),
          aliases: createMemoryStoryAliases(),
          eventKey: (id) => `event:${id}`,
        }),
      ),
      { numRuns: 100 },
    );
  }, 120_000);
});
