// The Redis adapter's closed set of errors, classified once here from what
// ioredis raises, so callers never match on its message text.
import { type ErrorKind, WireError } from '@wire/schema';

export const redisErrorCodes = {
  REDIS_UNAVAILABLE: 'Redis is away or not serving yet',
  REDIS_DENIED: 'Redis refused these credentials or this user',
  REDIS_REJECTED: 'Redis refused the command',
  REDIS_NOT_REPLICATED: 'no replica confirmed the writes in time',
} as const;

export type RedisErrorCode = keyof typeof redisErrorCodes;

export class RedisAdapterError extends WireError<RedisErrorCode> {
  constructor(code: RedisErrorCode, kind: ErrorKind, options: { cause: unknown }) {
    super(
      code,
      kind,
      `${redisErrorCodes[code]}: ${(options.cause as Error)?.message ?? options.cause}`,
      options,
    );
    this.name = 'RedisAdapterError';
  }
}

// ioredis's own error classes (from redis-errors), told apart by name.
const clientErrorNames = new Set([
  'AbortError',
  'InterruptError',
  'ParserError',
  'RedisError',
  'MaxRetriesPerRequestError',
]);
// What ioredis raises as a plain Error while the connection is down.
const connectionMessages = [
  'Connection is closed',
  "Stream isn't writeable",
  'Reached the max retries per request limit',
];
// Server replies that pass: loading, failing over, a script running long, memory full.
const transientReplies = /^(LOADING|BUSY|TRYAGAIN|CLUSTERDOWN|MASTERDOWN|READONLY|OOM)\b/;
const deniedReplies = /^(NOAUTH|WRONGPASS|NOPERM)\b/;

/** The error as the adapter's own, or undefined when Redis did not raise it. */
export function classifyRedisError(err: unknown): RedisAdapterError | undefined {
  if (err instanceof RedisAdapterError) return err;
  const name = (err as Error | undefined)?.name ?? '';
  const message = String((err as Error | undefined)?.message ?? '');
  if (name === 'ReplyError') {
    if (deniedReplies.test(message))
      return new RedisAdapterError('REDIS_DENIED', 'configuration', { cause: err });
    if (transientReplies.test(message))
      return new RedisAdapterError('REDIS_UNAVAILABLE', 'transient', { cause: err });
    return new RedisAdapterError('REDIS_REJECTED', 'permanent', { cause: err });
  }
  if (clientErrorNames.has(name) || connectionMessages.some((m) => message.startsWith(m))) {
    return new RedisAdapterError('REDIS_UNAVAILABLE', 'transient', { cause: err });
  }
  return undefined;
}
