// The Kafka adapter's closed set of errors, classified once here so callers never
// match on kafkajs message text.
import { type ErrorKind, WireError } from '@wire/schema';

export const kafkaErrorCodes = {
  KAFKA_UNAVAILABLE: 'no broker answered',
  KAFKA_REJECTED: 'the broker refused the request',
  KAFKA_TIMEOUT: 'the request timed out',
  KAFKA_DENIED: 'the broker refused these credentials or this principal',
} as const;

export type KafkaErrorCode = keyof typeof kafkaErrorCodes;

export class KafkaAdapterError extends WireError<KafkaErrorCode> {
  constructor(code: KafkaErrorCode, kind: ErrorKind, options: { cause: unknown }) {
    super(
      code,
      kind,
      `${kafkaErrorCodes[code]}: ${(options.cause as Error)?.message ?? options.cause}`,
      options,
    );
    this.name = 'KafkaAdapterError';
  }
}

// Broker answers that no retry mends until an operator acts: the password, or an
// ACL on a topic, group, transactional id or the cluster.
const deniedTypes = new Set([
  'SASL_AUTHENTICATION_FAILED',
  'TOPIC_AUTHORIZATION_FAILED',
  'GROUP_AUTHORIZATION_FAILED',
  'CLUSTER_AUTHORIZATION_FAILED',
  'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
]);

export function classifyKafkaError(err: unknown): KafkaAdapterError {
  if (err instanceof KafkaAdapterError) return err;
  const name = (err as Error)?.name ?? '';
  const type = (err as { type?: unknown })?.type;
  if (name === 'KafkaJSSASLAuthenticationError' || deniedTypes.has(String(type))) {
    return new KafkaAdapterError('KAFKA_DENIED', 'configuration', { cause: err });
  }
  if (name === 'KafkaJSRequestTimeoutError' || name === 'KafkaJSTimeout') {
    return new KafkaAdapterError('KAFKA_TIMEOUT', 'transient', { cause: err });
  }
  if (name === 'KafkaJSConnectionError' || name === 'KafkaJSNumberOfRetriesExceeded') {
    return new KafkaAdapterError('KAFKA_UNAVAILABLE', 'transient', { cause: err });
  }
  // kafkajs marks its errors with `retriable`; anything else is not retried.
  const retriable = (err as { retriable?: unknown })?.retriable === true;
  return new KafkaAdapterError('KAFKA_REJECTED', retriable ? 'transient' : 'permanent', {
    cause: err,
  });
}

/** Whether kafkajs raised it (or this adapter, having classified it). */
export function isKafkaError(err: unknown): boolean {
  const name = (err as Error | undefined)?.name ?? '';
  return name.startsWith('KafkaJS') || err instanceof KafkaAdapterError;
}
