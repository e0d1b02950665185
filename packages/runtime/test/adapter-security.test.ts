import { describe, expect, it } from 'vitest';
import {
  kafkaClientSettings,
  kafkaSecurity,
  redisClientSettings,
  redisSecurity,
} from '../src/index.js';

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

  it('make one client settings for the services and the commands alike', () => {
    const settings = {
      KAFKA_BROKERS: ['k:9094'],
      KAFKA_CLIENT: 'platformatic' as const,
      KAFKA_TLS_CA_FILE: '/ca.crt',
      REDIS_URL: 'rediss://wire@r:6380',
      REDIS_PASSWORD: 'p',
    };
    expect(kafkaClientSettings(settings, 'wire-tail')).toEqual({
      brokers: ['k:9094'],
      clientId: 'wire-tail',
      library: 'platformatic',
      tls: { caFile: '/ca.crt' },
    });
    expect(kafkaClientSettings({ ...settings, KAFKA_CLIENT_ID: 'ops' }, 'wire-tail').clientId).toBe(
      'ops',
    );
    expect(redisClientSettings(settings)).toEqual({
      url: 'rediss://wire@r:6380',
      password: 'p',
      tlsCaFile: undefined,
    });
  });
});

describe('the Redis client settings on a cluster', () => {
  it('ask the Sentinels for the primary when both Sentinel settings are there', () => {
    const base = { KAFKA_BROKERS: ['k:9092'], REDIS_URL: 'rediss://wire@redis:6380' };
    expect(redisClientSettings(base).sentinels).toBeUndefined();
    expect(
      redisClientSettings({
        ...base,
        REDIS_PASSWORD: 'p',
        REDIS_TLS_CA_FILE: '/ca.crt',
        REDIS_SENTINELS: ['s1:26379', 's2:26379'],
        REDIS_SENTINEL_NAME: 'wire',
      }),
    ).toEqual({
      url: 'rediss://wire@redis:6380',
      password: 'p',
      tlsCaFile: '/ca.crt',
      sentinels: { addresses: ['s1:26379', 's2:26379'], name: 'wire' },
    });
  });
});
