// The publisher's configuration, parsed once from the environment.
import { commonSettings, loadConfigOrExit } from '@wire/config';
import { z } from 'zod';

export const publisherConfigSchema = z.object({
  ...commonSettings,
  PUBLISHER_GROUP_ID: z.string().min(1).default('wire-publisher'),
  /** Stem of the transactional ids; see the normalizer's. */
  TRANSACTIONAL_ID: z.string().min(1).default('wire-publisher'),
  /** YAML or JSON routes beyond the firehose; see infra/routes.sample.yaml. */
  ROUTES_FILE: z.string().optional(),
  /** How long a published event id is remembered, so a repeat of it is not sent again. */
  DEDUPE_TTL_DAYS: z.coerce.number().positive().default(7),
});

export type PublisherConfig = z.output<typeof publisherConfigSchema>;

export function loadPublisherConfig(env: NodeJS.ProcessEnv): PublisherConfig {
  return loadConfigOrExit(publisherConfigSchema, env, 'publisher');
}
