import { describe, expect, it } from 'vitest';
import { kafkaSecurity, redisSecurity } from '../src/index.js';

describe('the adapters’ security settings', () => {
  it('leave Kafka plaintext and unauthenticated when nothing is set', () => {
    expect(kafkaSecurity({})).toEqual({});
    expect(kafkaSecurity({ KAFKA_TLS: false })).toEqual({});
  });

  it('turn TLS on with KAFKA_TLS or a CA file, and pass SCRAM credentials', () => {
    expect(kafkaSecurity({ KAFKA_TLS: true })).toEqual({ tls: { caFile: undefined } });
    expect(
      kafkaSecurity({
        KAFKA_TLS_CA_FILE: '/ca.crt',
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'wire',
        KAFKA_SASL_PASSWORD: 'p',
      }),
    ).toEqual({
      tls: { caFile: '/ca.crt' },
      sasl: { mechanism: 'scram-sha-512', username: 'wire', password: 'p' },
    });
  });

  it('pass the Redis password and CA file through', () => {
    expect(redisSecurity({})).toEqual({ password: undefined, tlsCaFile: undefined });
    expect(redisSecurity({ REDIS_PASSWORD: 'p', REDIS_TLS_CA_FILE: '/ca.crt' })).toEqual({
      password: 'p',
      tlsCaFile: '/ca.crt',
    });
  });
});
