// Any interleaving of a story's versions through normalizeDocument with the
// in-memory stores (the property is in version-interleavings.ts).
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { memoryState } from './memory-dependencies.js';
import { checkInterleaving, deliveries } from './version-interleavings.js';

describe('versions of a story in any interleaving, in memory', () => {
  it('publishes each version once and ends with the highest as the one latest', async () => {
    await fc.assert(
      fc.asyncProperty(deliveries, (run) =>
        checkInterleaving(`story-${randomUUID()}`, run, memoryState()),
      ),
      { numRuns: 100 },
    );
  }, 120_000);
});
