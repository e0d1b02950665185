// The normalizer's configuration, parsed once from the environment.
import { hostname } from 'node:os';
import { commonSettings, loadConfigOrExit } from '@wire/config';
import { z } from 'zod';

export const normalizerConfigSchema = z.object({
  ...commonSettings,
  NORMALIZER_GROUP_ID: z.string().min(1).default('wire-normalizer'),
  /**
   * Kafka transactional id, stable per instance (a pod name in a StatefulSet), so a
   * restarted instance fences its previous incarnation. Two instances on one host
   * need one each.
   */
  TRANSACTIONAL_ID: z.string().min(1).default(`wire-normalizer-${hostname()}`),
  /** How long a claim protects an item being published before others may take it. */
  CLAIM_PENDING_TTL_MS: z.coerce.number().int().positive().default(60_000),
  /** How long an item is remembered as published (duplicates inside it publish once). */
  DEDUPE_TTL_DAYS: z.coerce.number().positive().default(30),
  /** Largest SimHash distance (0-7 bits of 64) at which two texts are the same story. */
  NEAR_DUPLICATE_MAX_DISTANCE: z.coerce.number().int().min(0).max(7).default(3),
  /** How long a published story can still be joined by a re-filing. */
  NEAR_DUPLICATE_WINDOW_HOURS: z.coerce.number().positive().default(72),
});

export type NormalizerConfig = z.output<typeof normalizerConfigSchema>;

export function loadNormalizerConfig(env: NodeJS.ProcessEnv): NormalizerConfig {
  return loadConfigOrExit(normalizerConfigSchema, env, 'normalizer');
}
