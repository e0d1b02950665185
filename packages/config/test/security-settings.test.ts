import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, commonSettings, loadConfig } from '../src/index.js';

const schema = z.object({ ...commonSettings });
const secret = 's3cr3t-value-never-printed';

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(schema, env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).message;
  }
  return expect.unreachable('the configuration was accepted') as never;
}

describe('the security settings', () => {
  it('are absent unless set, so clients stay plaintext', () => {
    const config = loadConfig(schema, {});
    expect(config.KAFKA_SASL_MECHANISM).toBeUndefined();
    expect(config.KAFKA_TLS).toBeUndefined();
    expect(config.REDIS_PASSWORD).toBeUndefined();
  });

  it('accept SCRAM credentials, TLS and a rediss:// URL with its user', () => {
    const config = loadConfig(schema, {
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'wire',
      KAFKA_SASL_PASSWORD: secret,
      KAFKA_TLS: 'true',
      KAFKA_TLS_CA_FILE: '/etc/wire/ca.crt',
      REDIS_URL: 'rediss://wire@redis.internal:6380',
      REDIS_PASSWORD: secret,
      REDIS_TLS_CA_FILE: '/etc/wire/ca.crt',
    });
    expect(config.KAFKA_TLS).toBe(true);
    expect(config.KAFKA_SASL_PASSWORD).toBe(secret);
    expect(config.REDIS_URL).toBe('rediss://wire@redis.internal:6380');
  });

  it('read the passwords from *_FILE variables', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wire-config-')), 'secret');
    writeFileSync(file, 'from-a-file\n');
    const config = loadConfig(schema, {
      KAFKA_SASL_MECHANISM: 'scram-sha-256',
      KAFKA_SASL_USERNAME: 'wire',
      KAFKA_SASL_PASSWORD_FILE: file,
      REDIS_PASSWORD_FILE: file,
    });
    expect(config.KAFKA_SASL_PASSWORD).toBe('from-a-file');
    expect(config.REDIS_PASSWORD).toBe('from-a-file');
  });

  it('want a mechanism, a user name and a password together', () => {
    const message = problemsOf({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'w' });
    expect(message).toMatch(/KAFKA_SASL_PASSWORD: required when KAFKA_SASL_MECHANISM is set/);
    expect(problemsOf({ KAFKA_SASL_PASSWORD: secret })).toMatch(
      /KAFKA_SASL_PASSWORD: set without KAFKA_SASL_MECHANISM/,
    );
    expect(problemsOf({ REDIS_TLS_CA_FILE: '/ca.crt' })).toMatch(/needs a rediss:\/\/ REDIS_URL/);
  });

  it('never print a secret in a configuration error', () => {
    const messages = [
      problemsOf({ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_PASSWORD: secret }),
      problemsOf({ KAFKA_SASL_PASSWORD: secret, REDIS_PASSWORD: secret, LOG_LEVEL: 'loud' }),
      problemsOf({ REDIS_URL: `rediss://wire:${secret}@:no-port`, REDIS_PASSWORD: '' }),
      problemsOf({ KAFKA_SASL_MECHANISM: secret }),
    ];
    for (const message of messages) expect(message).not.toContain(secret);
  });
});
