// The normalizer's configuration, parsed once from the environment.
import { commonSettings, loadConfigOrExit } from '@wire/config';
import { z } from 'zod';

export const normalizerConfigSchema = z.object({
  ...commonSettings,
  NORMALIZER_GROUP_ID: z.string().min(1).default('wire-normalizer'),
  /**
   * Stem of the Kafka transactional ids. With kafkajs, one per input partition
   * (stem-topic-partition), the same in every instance, so whoever takes a
   * partition over fences the instance that had it; with @platformatic/kafka,
   * one per instance (stem-INSTANCE_ID), fenced by the group's generation. Only
   * pipelines that share a cluster and a topic prefix need different stems.
   */
  TRANSACTIONAL_ID: z.string().min(1).default('wire-normalizer'),
  /** How long a claim protects an item being published before others may take it. */
  CLAIM_PENDING_TTL_MS: z.coerce.number().int().positive().default(60_000),
  /** How long an item is remembered as published (duplicates inside it publish once). */
  DEDUPE_TTL_DAYS: z.coerce.number().positive().default(30),
  /** Largest SimHash distance (0-7 bits of 64) at which two texts are the same story. */
  NEAR_DUPLICATE_MAX_DISTANCE: z.coerce.number().int().min(0).max(7).default(3),
  /** How long a published story can still be joined by a re-filing. */
  NEAR_DUPLICATE_WINDOW_HOURS: z.coerce.number().positive().default(72),
  /** How far apart a flash and its later filings (brief, detailed, lead) can be. */
  REFILE_WINDOW_HOURS: z.coerce.number().positive().default(12),
});

export type NormalizerConfig = z.output<typeof normalizerConfigSchema>;

export function loadNormalizerConfig(env: NodeJS.ProcessEnv): NormalizerConfig {
  return loadConfigOrExit(normalizerConfigSchema, env, 'normalizer');
}
