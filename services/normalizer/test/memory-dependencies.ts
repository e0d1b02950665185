// The normalizer's dependencies with in-memory state, recording what it publishes
// and dead-letters: what the unit tests run normalizeDocument against.
import { createMemoryClaimStore } from '@wire/redis';
import type { DeadLetterReason, NormalizedArticle } from '@wire/schema';
import {
  createMemoryLinkMemory,
  createMemoryNearDuplicateIndex,
  createMemoryStoryAliases,
  createMemoryStoryLedger,
  type NormalizeDependencies,
  type NormalizerState,
} from '../src/index.js';

/** The Redis-backed state's in-memory twin. */
export function memoryState(): NormalizerState {
  return {
    claims: createMemoryClaimStore({ pendingTtlMs: 60_000, doneTtlMs: 60_000 }),
    stories: createMemoryStoryLedger(),
    nearDuplicates: createMemoryNearDuplicateIndex({ maxDistance: 3 }),
    links: createMemoryLinkMemory(),
    aliases: createMemoryStoryAliases(),
    eventKey: (id) => `event:${id}`,
  };
}

export function memoryDependencies() {
  const published: NormalizedArticle[] = [];
  const deadLetters: DeadLetterReason[] = [];
  const deps: NormalizeDependencies = {
    ...memoryState(),
    publishNormalized: async (article) => {
      published.push(article);
    },
    deadLetter: async (reason) => {
      deadLetters.push(reason);
    },
    sleep: async () => undefined,
  };
  return { deps, published, deadLetters };
}
