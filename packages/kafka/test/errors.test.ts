// What the adapter makes of each library's errors: the same codes and kinds.
import {
  AuthenticationError,
  MultipleErrors,
  NetworkError,
  ProtocolError,
  ResponseError,
  TimeoutError,
  UserError,
} from '@platformatic/kafka';
import { describe, expect, it } from 'vitest';
import { classifyKafkaError, isKafkaError } from '../src/index.js';

const classified = (err: unknown) => {
  const { code, kind } = classifyKafkaError(err);
  return `${code} ${kind}`;
};
// The broker's answer, as the library raises it: one protocol error per failing part.
const answer = (errorCode: number) => new ResponseError(0, 0, { '/': [errorCode, null] }, {});

describe("@platformatic/kafka's errors", () => {
  it('are Kafka errors', () => {
    expect(isKafkaError(new NetworkError('closed'))).toBe(true);
    expect(isKafkaError(answer(10))).toBe(true);
    expect(isKafkaError(new Error('ECONNRESET'))).toBe(false);
  });

  it('say the broker is away, or slow, for the loop to try again', () => {
    expect(classified(new NetworkError('Connection closed'))).toBe('KAFKA_UNAVAILABLE transient');
    expect(classified(new TimeoutError('Request timed out'))).toBe('KAFKA_TIMEOUT transient');
    // What an operation that gave up after its retries raises.
    const gaveUp = new MultipleErrors('fetch failed 6 times.', [
      new NetworkError('Connection closed'),
      new NetworkError('Connection refused'),
    ]);
    expect(classified(gaveUp)).toBe('KAFKA_UNAVAILABLE transient');
  });

  it('read a refused password or ACL as configuration', () => {
    expect(classified(new AuthenticationError('SASL failed'))).toBe('KAFKA_DENIED configuration');
    expect(classified(answer(58))).toBe('KAFKA_DENIED configuration'); // SASL_AUTHENTICATION_FAILED
    expect(classified(answer(29))).toBe('KAFKA_DENIED configuration'); // TOPIC_AUTHORIZATION_FAILED
    expect(classified(new ProtocolError('TRANSACTIONAL_ID_AUTHORIZATION_FAILED'))).toBe(
      'KAFKA_DENIED configuration',
    );
  });

  it("name the broker's answers in the message", () => {
    expect(classifyKafkaError(answer(22)).message).toMatch(/\[ILLEGAL_GENERATION\]$/);
  });

  it('retry what the broker marks retriable, and nothing else', () => {
    expect(classified(answer(3))).toBe('KAFKA_REJECTED transient'); // UNKNOWN_TOPIC_OR_PARTITION
    expect(classified(answer(10))).toBe('KAFKA_REJECTED permanent'); // MESSAGE_TOO_LARGE
    expect(classified(new UserError('Cannot produce to an already completed transaction.'))).toBe(
      'KAFKA_REJECTED permanent',
    );
  });
});
