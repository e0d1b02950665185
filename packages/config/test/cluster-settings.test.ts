import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, clientConfigSchema, commonSettings, loadConfig } from '../src/index.js';

const schema = z.object({ ...commonSettings });

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(schema, env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).message;
  }
  return expect.unreachable('the configuration was accepted') as never;
}

describe('the cluster settings', () => {
  it('default to the single-node stack: one replica, no Sentinels', () => {
    const config = loadConfig(schema, {});
    expect(config.KAFKA_REPLICATION_FACTOR).toBe(1);
    expect(config.KAFKA_MIN_INSYNC_REPLICAS).toBe(1);
    expect(config.REDIS_SENTINELS).toBeUndefined();
    expect(config.REDIS_WAIT_REPLICAS).toBeUndefined();
  });

  it('read three brokers, replication 3/2 and the Sentinels, for people too', () => {
    const config = loadConfig(clientConfigSchema, {
      KAFKA_BROKERS: '127.0.0.1:19092,127.0.0.1:19093, 127.0.0.1:19094',
      KAFKA_REPLICATION_FACTOR: '3',
      KAFKA_MIN_INSYNC_REPLICAS: '2',
      REDIS_SENTINELS: '127.0.0.1:26391,127.0.0.1:26392,127.0.0.1:26393',
      REDIS_SENTINEL_NAME: 'wire',
    });
    expect(config.KAFKA_BROKERS).toHaveLength(3);
    expect([config.KAFKA_REPLICATION_FACTOR, config.KAFKA_MIN_INSYNC_REPLICAS]).toEqual([3, 2]);
    expect(config.REDIS_SENTINELS).toEqual([
      '127.0.0.1:26391',
      '127.0.0.1:26392',
      '127.0.0.1:26393',
    ]);
  });

  it('refuse Sentinels without a master name, and more in-sync replicas than replicas', () => {
    expect(problemsOf({ REDIS_SENTINELS: '127.0.0.1:26391' })).toContain(
      'REDIS_SENTINEL_NAME: required when REDIS_SENTINELS is set',
    );
    expect(problemsOf({ REDIS_SENTINEL_NAME: 'wire' })).toContain(
      'REDIS_SENTINEL_NAME: set without REDIS_SENTINELS',
    );
    expect(problemsOf({ KAFKA_MIN_INSYNC_REPLICAS: '2' })).toContain(
      'KAFKA_MIN_INSYNC_REPLICAS: more than KAFKA_REPLICATION_FACTOR',
    );
    expect(
      problemsOf({ REDIS_SENTINELS: 'sentinel-without-port', REDIS_SENTINEL_NAME: 'w' }),
    ).toContain('REDIS_SENTINELS');
  });
});
