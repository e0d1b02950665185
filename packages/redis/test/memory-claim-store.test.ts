import { describe } from 'vitest';
import { createMemoryClaimStore } from '../src/index.js';
import { claimStoreContract } from './claim-store-contract.js';

describe('in-memory claim store', () => {
  claimStoreContract((settings) => createMemoryClaimStore(settings));
});
