// The ingester's configuration, parsed once from the environment.
import { commonSettings, loadConfigOrExit } from '@wire/config';
import { z } from 'zod';

export const ingesterConfigSchema = z.object({
  ...commonSettings,
  /** YAML or JSON file listing the feeds to poll. */
  FEEDS_FILE: z.string().min(1),
  /** One deadline for a whole fetch, body included. */
  FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  FETCH_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(16 * 1024 * 1024),
  /** Longest wait between polls of a failing feed (backoff never gives up). */
  MAX_BACKOFF_SECONDS: z.coerce.number().int().positive().default(3_600),
  /** Longest Retry-After (429, 503) honoured. */
  MAX_RETRY_AFTER_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(6 * 3_600),
  /** When set, every published raw document is also archived here, for replay. */
  ARCHIVE_DIR: z.string().optional(),
  /** Requests at a time to one host, over all its feeds. */
  MAX_REQUESTS_PER_HOST: z.coerce.number().int().positive().default(2),
  /** Article pages (full text) one turn of a feed fetches at most; the rest wait for the next. */
  MAX_PAGES_PER_TURN: z.coerce.number().int().positive().default(4),
  /** A feed's lease lasts at least this long (and at least two of its intervals). */
  LEASE_SECONDS: z.coerce.number().int().positive().default(60),
  /** How often the status page's stage throughput samples Kafka's end offsets. */
  STATUS_SAMPLE_SECONDS: z.coerce.number().int().positive().default(15),
  USER_AGENT: z
    .string()
    .default('wire/0.1 (news wire ingester; +https://github.com/wire-news/wire)'),
});

export type IngesterConfig = z.output<typeof ingesterConfigSchema>;

export function loadIngesterConfig(env: NodeJS.ProcessEnv): IngesterConfig {
  return loadConfigOrExit(ingesterConfigSchema, env, 'ingester');
}
