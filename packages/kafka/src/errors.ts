// The Kafka adapter's closed set of errors, classified once here so callers never
// match on kafkajs message text.
export const kafkaErrorCodes = {
  KAFKA_UNAVAILABLE: 'no broker answered',
  KAFKA_REJECTED: 'the broker refused the request',
  KAFKA_TIMEOUT: 'the request timed out',
} as const;

export type KafkaErrorCode = keyof typeof kafkaErrorCodes;

export class KafkaAdapterError extends Error {
  constructor(
    readonly code: KafkaErrorCode,
    readonly retryable: boolean,
    options: { cause: unknown },
  ) {
    super(
      `${kafkaErrorCodes[code]}: ${(options.cause as Error)?.message ?? options.cause}`,
      options,
    );
    this.name = 'KafkaAdapterError';
  }
}

export function classifyKafkaError(err: unknown): KafkaAdapterError {
  if (err instanceof KafkaAdapterError) return err;
  const name = (err as Error)?.name ?? '';
  if (name === 'KafkaJSRequestTimeoutError' || name === 'KafkaJSTimeout') {
    return new KafkaAdapterError('KAFKA_TIMEOUT', true, { cause: err });
  }
  if (name === 'KafkaJSConnectionError' || name === 'KafkaJSNumberOfRetriesExceeded') {
    return new KafkaAdapterError('KAFKA_UNAVAILABLE', true, { cause: err });
  }
  // kafkajs marks its errors with `retriable`; anything else is not retried.
  const retriable = (err as { retriable?: unknown })?.retriable === true;
  return new KafkaAdapterError('KAFKA_REJECTED', retriable, { cause: err });
}
