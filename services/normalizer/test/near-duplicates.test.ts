import { describe } from 'vitest';
import { createMemoryNearDuplicateIndex } from '../src/index.js';
import { nearDuplicateIndexContract } from './near-duplicates-contract.js';

describe('in-memory near-duplicate index', () => {
  nearDuplicateIndexContract((maxDistance) => createMemoryNearDuplicateIndex({ maxDistance }));
});
