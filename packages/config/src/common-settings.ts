// Settings every service shares: where Kafka and Redis are, log level, namespaces
// and the internal ops address. Services extend this shape with their own keys.
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
  KAFKA_BROKERS: commaList.default(['127.0.0.1:9092']),
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
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

export function parseHostPort(address: string): { host: string; port: number } {
  const at = address.lastIndexOf(':');
  return { host: address.slice(0, at), port: Number(address.slice(at + 1)) };
}
