import { describe, expect, it } from 'vitest';
import { ConfigError, clientConfigSchema, loadConfig, schemaVariables } from '../src/index.js';

describe('the client configuration (what wire commands and pnpm topics read)', () => {
  it('defaults to the local plaintext stack', () => {
    const config = loadConfig(clientConfigSchema, {});
    expect(config).toMatchObject({
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      REDIS_URL: 'redis://127.0.0.1:6379',
      WIRE_TOPIC_PREFIX: '',
      WIRE_REDIS_PREFIX: 'wire:',
    });
    expect(config.KAFKA_SASL_MECHANISM).toBeUndefined();
  });

  it('checks the security settings with the same rules as a service', () => {
    const refused = (() => {
      try {
        loadConfig(clientConfigSchema, { KAFKA_SASL_MECHANISM: 'scram-sha-512' });
      } catch (err) {
        return err;
      }
    })();
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).problems).toEqual([
      'KAFKA_SASL_USERNAME: required when KAFKA_SASL_MECHANISM is set',
      'KAFKA_SASL_PASSWORD: required when KAFKA_SASL_MECHANISM is set',
    ]);
  });

  it('ignores what only a service reads, so a command is not refused for it', () => {
    expect(() =>
      loadConfig(clientConfigSchema, { LOG_LEVEL: 'loud', OPS_ADDRESS: 'x' }),
    ).not.toThrow();
  });
});

describe('schemaVariables', () => {
  it('picks the variables a schema reads, NAME_FILE as given, and nothing else', () => {
    const env = {
      KAFKA_BROKERS: 'k:9094',
      KAFKA_SASL_PASSWORD_FILE: '/run/secrets/kafka',
      REDIS_URL: 'rediss://wire@r:6380',
      HOME: '/home/wire',
      LOG_LEVEL: 'debug',
    };
    expect(schemaVariables(clientConfigSchema, env)).toEqual({
      KAFKA_BROKERS: 'k:9094',
      KAFKA_SASL_PASSWORD_FILE: '/run/secrets/kafka',
      REDIS_URL: 'rediss://wire@r:6380',
    });
  });
});
