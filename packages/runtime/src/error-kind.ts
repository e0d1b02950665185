// What any error a stage meets means for the loop, whoever raised it: wire's own
// errors say so themselves, Kafka's and Redis's are classified by their adapters,
// and a network error of Node's passes. Anything else is a failure on this input
// (a bug it trips, data no code expected): permanent, so the loop narrows it down
// to one record and sets that record aside, instead of stopping the partition.
import { classifyKafkaError, isKafkaError } from '@wire/kafka';
import { classifyRedisError } from '@wire/redis';
import { type ErrorKind, WireError } from '@wire/schema';

const networkErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

export function errorKindOf(err: unknown): ErrorKind {
  if (err instanceof WireError) return err.kind;
  if (isKafkaError(err)) return classifyKafkaError(err).kind;
  const redis = classifyRedisError(err);
  if (redis !== undefined) return redis.kind;
  if (networkErrorCodes.has(String((err as { code?: unknown })?.code))) return 'transient';
  return 'permanent';
}
