// Settings every service shares: where Kafka and Redis are and how to authenticate
// to them, log level, namespaces and the internal ops address. Services extend this
// shape with their own keys.
import { hostname } from 'node:os';
import { z } from 'zod';

const commaList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0),
  )
  .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'expected host:port')).min(1));

export const commonSettings = {
  /** Every broker of the cluster (host:port, comma-separated): a client still finds one when another is down. */
  KAFKA_BROKERS: commaList.default(['127.0.0.1:9092']),
  /**
   * Replicas of each topic wire creates (`pnpm topics`, routed topics): 1 on the
   * single-node stack, 3 on a cluster (infra/stack.sh start --cluster).
   */
  KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).default(1),
  /**
   * The topics' min.insync.replicas: an acks=all write (every write of wire's)
   * succeeds only once this many replicas have it. 2 with 3 replicas: one broker
   * may go without losing an acknowledged record or stopping writes.
   */
  KAFKA_MIN_INSYNC_REPLICAS: z.coerce.number().int().min(1).default(1),
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  /**
   * The library behind the Kafka adapter: kafkajs (one transactional producer per
   * input partition) or @platformatic/kafka (one per instance, fenced by the
   * consumer group's generation, KIP-447).
   */
  KAFKA_CLIENT: z.enum(['kafkajs', 'platformatic']).default('kafkajs'),
  /**
   * Names this instance: in the ingester's feed leases, and in the one
   * transactional id of a stage on @platformatic/kafka. Two live instances never
   * share one; the same one across restarts lets a new process fence its crashed
   * predecessor at once instead of after the transaction timeout.
   */
  INSTANCE_ID: z.string().min(1).default(`${hostname()}-${process.pid}`),
  /** SASL for Kafka; absent means none. Needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD. */
  KAFKA_SASL_MECHANISM: z.enum(['scram-sha-256', 'scram-sha-512']).optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  /** Secret: also read from KAFKA_SASL_PASSWORD_FILE. Never logged. */
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  /** TLS to the brokers (implied by KAFKA_TLS_CA_FILE). */
  KAFKA_TLS: z.stringbool().optional(),
  /** PEM file of the CA(s) the brokers' certificates are checked against, instead of the system's. */
  KAFKA_TLS_CA_FILE: z.string().min(1).optional(),
  /** rediss:// means TLS; a user name may be given in the URL (rediss://wire@host:6380). */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  /** Secret: also read from REDIS_PASSWORD_FILE. Never logged. */
  REDIS_PASSWORD: z.string().min(1).optional(),
  /** PEM file of the CA(s) Redis's certificate is checked against (rediss:// only). */
  REDIS_TLS_CA_FILE: z.string().min(1).optional(),
  /**
   * Redis Sentinels (host:port, comma-separated): the client asks them for the
   * primary of REDIS_SENTINEL_NAME and follows a failover, and REDIS_URL gives only
   * the scheme (rediss:// for TLS, to Redis and to the Sentinels) and the user.
   */
  REDIS_SENTINELS: commaList.optional(),
  /** The master name the Sentinels watch (`sentinel monitor <name> ...`). */
  REDIS_SENTINEL_NAME: z.string().min(1).optional(),
  /**
   * Replicas that must have a stage's Redis writes (claims, story placements,
   * event ids) before its Kafka transaction commits (Redis WAIT). Unset: 1 with
   * REDIS_SENTINELS, else 0. See docs/reliability.md, "Redis failover".
   */
  REDIS_WAIT_REPLICAS: z.coerce.number().int().min(0).optional(),
  /** How long a commit waits for those replicas before the run fails and is done again. */
  REDIS_WAIT_TIMEOUT_MS: z.coerce.number().int().positive().default(2_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: z.stringbool().optional(),
  /** Prefixed to every topic name, so tests and sandboxes never share topics. */
  WIRE_TOPIC_PREFIX: z.string().default(''),
  /** Prefixed to every Redis key. */
  WIRE_REDIS_PREFIX: z.string().default('wire:'),
  /** host:port of the internal /healthz and /readyz endpoints; empty disables them. */
  OPS_ADDRESS: z.string().default('127.0.0.1:0'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** How long the consumer group waits for a silent member before giving its partitions away. */
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).default(30_000),
};

/**
 * What a command a person runs reads of the common settings (`wire ...`, `pnpm
 * topics`): where Kafka and Redis are, how to authenticate to them, and the
 * namespaces. Read with loadConfig, so the rules below hold for it too.
 */
export const clientConfigSchema = z.object(commonSettings).pick({
  KAFKA_BROKERS: true,
  KAFKA_CLIENT_ID: true,
  KAFKA_CLIENT: true,
  KAFKA_SASL_MECHANISM: true,
  KAFKA_SASL_USERNAME: true,
  KAFKA_SASL_PASSWORD: true,
  KAFKA_TLS: true,
  KAFKA_TLS_CA_FILE: true,
  REDIS_URL: true,
  REDIS_PASSWORD: true,
  REDIS_TLS_CA_FILE: true,
  REDIS_SENTINELS: true,
  REDIS_SENTINEL_NAME: true,
  KAFKA_REPLICATION_FACTOR: true,
  KAFKA_MIN_INSYNC_REPLICAS: true,
  WIRE_TOPIC_PREFIX: true,
  WIRE_REDIS_PREFIX: true,
});

export type ClientConfig = z.output<typeof clientConfigSchema>;

/**
 * The rules between common settings that one field's schema cannot express. A
 * problem names the settings, never their values.
 */
export function commonSettingsProblems(config: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  const has = (key: string) => config[key] !== undefined;
  if (has('KAFKA_SASL_MECHANISM')) {
    for (const key of ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD']) {
      if (!has(key)) problems.push(`${key}: required when KAFKA_SASL_MECHANISM is set`);
    }
  } else {
    for (const key of ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD']) {
      if (has(key)) problems.push(`${key}: set without KAFKA_SASL_MECHANISM`);
    }
  }
  if (config.KAFKA_TLS === false && has('KAFKA_TLS_CA_FILE')) {
    problems.push('KAFKA_TLS_CA_FILE: set while KAFKA_TLS is false');
  }
  const redisUrl = config.REDIS_URL;
  if (has('REDIS_TLS_CA_FILE') && typeof redisUrl === 'string' && !redisUrl.startsWith('rediss:')) {
    problems.push('REDIS_TLS_CA_FILE: needs a rediss:// REDIS_URL');
  }
  if (has('REDIS_SENTINELS') !== has('REDIS_SENTINEL_NAME')) {
    problems.push(
      has('REDIS_SENTINELS')
        ? 'REDIS_SENTINEL_NAME: required when REDIS_SENTINELS is set'
        : 'REDIS_SENTINEL_NAME: set without REDIS_SENTINELS',
    );
  }
  const factor = config.KAFKA_REPLICATION_FACTOR;
  const minInsync = config.KAFKA_MIN_INSYNC_REPLICAS;
  if (typeof factor === 'number' && typeof minInsync === 'number' && minInsync > factor) {
    problems.push('KAFKA_MIN_INSYNC_REPLICAS: more than KAFKA_REPLICATION_FACTOR');
  }
  return problems;
}

export function parseHostPort(address: string): { host: string; port: number } {
  const at = address.lastIndexOf(':');
  return { host: address.slice(0, at), port: Number(address.slice(at + 1)) };
}
