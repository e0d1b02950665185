// The normalizer's Redis-backed state, built from its configuration: claims, the
// story ledger, link memory, the near-duplicate index and the recent filings that
// re-files are matched against, all under one prefix.
// The service and the CLI's replay build it the same way, so a replay decides as
// the service would.
import {
  type ClaimStore,
  createClaimStore,
  createMemoryClaimStore,
  type Redis,
  redisKeys,
} from '@wire/redis';
import type { NormalizerConfig } from './config.js';
import {
  createMemoryFilingIndex,
  createRedisFilingIndex,
  type FilingIndex,
} from './filing-index.js';
import { createMemoryLinkMemory, createRedisLinkMemory, type LinkMemory } from './link-memory.js';
import {
  createMemoryNearDuplicateIndex,
  createRedisNearDuplicateIndex,
  type NearDuplicateIndex,
} from './near-duplicates.js';
import { defaultFamilySettings, type FamilySettings } from './refile-family.js';
import {
  createMemoryStoryAliases,
  createRedisStoryAliases,
  type StoryAliases,
} from './story-aliases.js';
import {
  createMemoryStoryLedger,
  createRedisStoryLedger,
  type StoryLedger,
} from './story-ledger.js';

export type NormalizerStateSettings = Pick<
  NormalizerConfig,
  | 'WIRE_REDIS_PREFIX'
  | 'CLAIM_PENDING_TTL_MS'
  | 'DEDUPE_TTL_DAYS'
  | 'NEAR_DUPLICATE_MAX_DISTANCE'
  | 'NEAR_DUPLICATE_WINDOW_HOURS'
> &
  Partial<Pick<NormalizerConfig, 'REFILE_WINDOW_HOURS'>>;

export interface NormalizerState {
  claims: ClaimStore;
  stories: StoryLedger;
  links: LinkMemory;
  aliases: StoryAliases;
  nearDuplicates: NearDuplicateIndex;
  filings: FilingIndex;
  family: FamilySettings;
  /** The claim key of an event id. */
  eventKey(eventId: string): string;
}

export function createNormalizerState(
  redis: Redis,
  settings: NormalizerStateSettings,
): NormalizerState {
  const prefix = settings.WIRE_REDIS_PREFIX;
  const dedupeTtlMs = settings.DEDUPE_TTL_DAYS * 24 * 60 * 60 * 1000;
  const family = familySettings(settings.REFILE_WINDOW_HOURS);
  return {
    claims: createClaimStore(redis, {
      pendingTtlMs: settings.CLAIM_PENDING_TTL_MS,
      doneTtlMs: dedupeTtlMs,
    }),
    stories: createRedisStoryLedger(redis, prefix, dedupeTtlMs / 1000),
    links: createRedisLinkMemory(redis, prefix, dedupeTtlMs / 1000),
    aliases: createRedisStoryAliases(redis, prefix, dedupeTtlMs / 1000),
    nearDuplicates: createRedisNearDuplicateIndex(redis, prefix, {
      maxDistance: settings.NEAR_DUPLICATE_MAX_DISTANCE,
      windowSeconds: settings.NEAR_DUPLICATE_WINDOW_HOURS * 3600,
    }),
    filings: createRedisFilingIndex(redis, prefix, { windowMs: family.windowMs }),
    family,
    eventKey: redisKeys(prefix).event,
  };
}

/**
 * The same state in memory, fresh: what `wire parse` and the unit tests run the
 * stage against, so every item is decided as a new story would be.
 */
export function createMemoryNormalizerState(maxDistance = 3): NormalizerState {
  const family = familySettings();
  return {
    claims: createMemoryClaimStore({ pendingTtlMs: 60_000, doneTtlMs: 60_000 }),
    stories: createMemoryStoryLedger(),
    nearDuplicates: createMemoryNearDuplicateIndex({ maxDistance }),
    links: createMemoryLinkMemory(),
    aliases: createMemoryStoryAliases(),
    filings: createMemoryFilingIndex({ windowMs: family.windowMs }),
    family,
    eventKey: redisKeys('').event,
  };
}

function familySettings(windowHours?: number): FamilySettings {
  return windowHours === undefined
    ? defaultFamilySettings
    : {
        ...defaultFamilySettings,
        windowMs: windowHours * 3_600_000,
        resentWindowMs: 2 * windowHours * 3_600_000,
      };
}
