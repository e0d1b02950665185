// The Kafka adapter's closed set of errors, classified once here so callers never
// match on kafkajs message text or @platformatic/kafka error codes.
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
  if (isPlatformaticError(err)) return classifyPlatformaticError(err);
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

/** Whether kafkajs or @platformatic/kafka raised it (or this adapter, having classified it). */
export function isKafkaError(err: unknown): boolean {
  const name = (err as Error | undefined)?.name ?? '';
  return name.startsWith('KafkaJS') || err instanceof KafkaAdapterError || isPlatformaticError(err);
}

// Told apart by their codes (PLT_KFK_*), not by the library's classes: importing
// @platformatic/kafka costs a process about 60 MB, which a service on kafkajs
// should not pay.
function isPlatformaticError(err: unknown): err is Error {
  const code = (err as { code?: unknown } | undefined)?.code;
  return err instanceof Error && typeof code === 'string' && code.startsWith('PLT_KFK_');
}

// @platformatic/kafka's errors carry a code (PLT_KFK_*) and, for the broker's
// answers, the protocol error's id and whether it can be retried; an operation
// that gave up after its retries wraps every attempt's error (MultipleErrors).
function classifyPlatformaticError(err: Error): KafkaAdapterError {
  const all = [...errorChain(err)];
  const classified = classifiedPlatformaticError(err, all);
  // The broker's answers by name (ILLEGAL_GENERATION, ...): the library's message says only the API.
  const ids = [...new Set(all.flatMap((e) => (typeof e.apiId === 'string' ? [e.apiId] : [])))];
  if (ids.length > 0) classified.message += ` [${ids.join(', ')}]`;
  return classified;
}

function classifiedPlatformaticError(
  err: Error,
  all: PlatformaticErrorFields[],
): KafkaAdapterError {
  const has = (test: (e: PlatformaticErrorFields) => boolean) => all.some(test);
  if (has((e) => e.code === 'PLT_KFK_AUTHENTICATION' || deniedTypes.has(String(e.apiId)))) {
    return new KafkaAdapterError('KAFKA_DENIED', 'configuration', { cause: err });
  }
  // 2.12.1's TimeoutError carries the network error's code: told apart by its class's name.
  if (has((e) => e.constructor?.name === 'TimeoutError')) {
    return new KafkaAdapterError('KAFKA_TIMEOUT', 'transient', { cause: err });
  }
  if (has((e) => e.code === 'PLT_KFK_NETWORK')) {
    return new KafkaAdapterError('KAFKA_UNAVAILABLE', 'transient', { cause: err });
  }
  // The broker's answers say whether trying again can help; anything else (a
  // refused argument, a closed client) is not retried.
  const answers = all.filter((e) => e.apiId !== undefined);
  const retriable = answers.length > 0 && answers.every((e) => e.canRetry === true);
  return new KafkaAdapterError('KAFKA_REJECTED', retriable ? 'transient' : 'permanent', {
    cause: err,
  });
}

interface PlatformaticErrorFields {
  code?: unknown;
  apiId?: unknown;
  canRetry?: unknown;
}

/** The error, the errors it aggregates and its causes, depth first. */
function* errorChain(err: unknown, depth = 0): Generator<PlatformaticErrorFields & object> {
  if (typeof err !== 'object' || err === null || depth > 8) return;
  yield err;
  for (const inner of (err as { errors?: unknown[] }).errors ?? [])
    yield* errorChain(inner, depth + 1);
  yield* errorChain((err as { cause?: unknown }).cause, depth + 1);
}
