export { loadNormalizerConfig, type NormalizerConfig, normalizerConfigSchema } from './config.js';
export { decideVerdict } from './decide-verdict.js';
export {
  createMemoryFilingIndex,
  createRedisFilingIndex,
  type FilingIndex,
} from './filing-index.js';
export { type FilingText, filingTextOf } from './filing-text.js';
export {
  type Fingerprint,
  fingerprintBands,
  fingerprintFromHex,
  fingerprintOf,
  fingerprintToHex,
  hammingDistance,
  normalizeForFingerprint,
} from './fingerprint.js';
export { createMemoryLinkMemory, createRedisLinkMemory, type LinkMemory } from './link-memory.js';
export {
  closest,
  createMemoryNearDuplicateIndex,
  createRedisNearDuplicateIndex,
  type NearDuplicate,
  type NearDuplicateIndex,
  type NearDuplicateSettings,
} from './near-duplicates.js';
export {
  maxArticleBytes,
  type NormalizeDependencies,
  type NormalizeResult,
  type NormalizeSummary,
  normalizeDocument,
  type RawRecord,
} from './normalize-document.js';
export {
  createMemoryNormalizerState,
  createNormalizerState,
  type NormalizerState,
  type NormalizerStateSettings,
} from './normalizer-state.js';
export {
  defaultFamilySettings,
  type FamilyMatch,
  type FamilySettings,
  type Filing,
  familyOf,
  familyScore,
} from './refile-family.js';
export {
  createMemoryStoryAliases,
  createRedisStoryAliases,
  type StoryAliases,
} from './story-aliases.js';
export {
  eventIdOf,
  revisionOf,
  type StoryIdentity,
  storyIdentity,
} from './story-identity.js';
export {
  createMemoryStoryLedger,
  createRedisStoryLedger,
  type InputPosition,
  type RevisionPlacement,
  type RevisionToPlace,
  rankOf,
  type StoryLedger,
} from './story-ledger.js';
