// The normalizer's dependencies with in-memory state, recording what it publishes
// and dead-letters: what the unit tests run normalizeDocument against.
import type { DeadLetterReason, NormalizedArticle } from '@wire/schema';
import {
  createMemoryNormalizerState,
  type NormalizeDependencies,
  type NormalizerState,
} from '../src/index.js';

/** The Redis-backed state's in-memory twin. */
export function memoryState(): NormalizerState {
  return createMemoryNormalizerState();
}

/** The stage's dependencies over the given state (in memory unless told), recording its output. */
export function memoryDependencies(state: NormalizerState = memoryState()) {
  const published: NormalizedArticle[] = [];
  /** The record values handed over with the published articles, in the same order. */
  const values: Buffer[] = [];
  const deadLetters: DeadLetterReason[] = [];
  const deps: NormalizeDependencies = {
    ...state,
    publishNormalized: async (article, value) => {
      published.push(article);
      values.push(value);
    },
    deadLetter: async (reason) => {
      deadLetters.push(reason);
    },
    sleep: async () => undefined,
  };
  return { deps, published, values, deadLetters };
}
