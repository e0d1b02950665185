import { ConfigError } from '@wire/config';
import { ParseError } from '@wire/feeds';
import { WireError } from '@wire/schema';
import { describe, expect, it } from 'vitest';
import { errorKindOf } from '../src/index.js';

// Errors shaped as their libraries raise them.
function named(name: string, message: string, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(message), { name }, extra);
}

describe('errorKindOf', () => {
  it.each([
    ['a parse failure', new ParseError('XML_MALFORMED'), 'permanent'],
    ['a bad configuration', new ConfigError(['KAFKA_BROKERS: empty']), 'configuration'],
    ["wire's own transient error", new WireError('X', 'transient', 'later'), 'transient'],
    ['no broker answering', named('KafkaJSConnectionError', 'Connection error'), 'transient'],
    ['a request timing out', named('KafkaJSRequestTimeoutError', 'Request timed out'), 'transient'],
    [
      'a denied topic',
      named('KafkaJSProtocolError', 'Not authorized', { type: 'TOPIC_AUTHORIZATION_FAILED' }),
      'configuration',
    ],
    ['a refused password', named('KafkaJSSASLAuthenticationError', 'SASL failed'), 'configuration'],
    [
      'a retriable broker answer',
      named('KafkaJSProtocolError', 'Leader not available', { retriable: true }),
      'transient',
    ],
    ['Redis loading its data', named('ReplyError', 'LOADING Redis is loading'), 'transient'],
    ['Redis out of memory', named('ReplyError', 'OOM command not allowed'), 'transient'],
    [
      'a Redis password refused',
      named('ReplyError', 'WRONGPASS invalid username-password'),
      'configuration',
    ],
    [
      'a Redis user without the right',
      named('ReplyError', 'NOPERM no permissions'),
      'configuration',
    ],
    [
      'a Redis key of another type',
      named('ReplyError', 'WRONGTYPE Operation against a key'),
      'permanent',
    ],
    ['the Redis connection closed', new Error('Connection is closed.'), 'transient'],
    [
      'ioredis giving up on a command',
      named('MaxRetriesPerRequestError', 'Reached the max'),
      'transient',
    ],
    [
      'a reset socket',
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      'transient',
    ],
    [
      'a bug the input trips',
      new TypeError("Cannot read properties of undefined (reading 'x')"),
      'permanent',
    ],
  ])('%s', (_what, err, kind) => {
    expect(errorKindOf(err)).toBe(kind);
  });
});
