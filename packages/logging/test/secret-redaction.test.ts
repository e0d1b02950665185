import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/index.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

// What a service's parsed configuration looks like with every secret set.
const config = {
  KAFKA_BROKERS: ['kafka.internal:9094'],
  KAFKA_SASL_MECHANISM: 'scram-sha-512',
  KAFKA_SASL_USERNAME: 'wire',
  KAFKA_SASL_PASSWORD: 'kafka-pass-1',
  KAFKA_TLS: true,
  REDIS_URL: 'rediss://wire:url-pass-2@redis.internal:6380/0',
  REDIS_PASSWORD: 'redis-pass-3',
  LOG_LEVEL: 'info',
};
const secrets = ['kafka-pass-1', 'url-pass-2', 'redis-pass-3'];

describe('the logger and the configuration', () => {
  it('never writes the passwords of a logged configuration, at the top or nested', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ service: 'normalizer', level: 'info' }, stream);
    logger.info(config, 'configuration');
    logger.info({ config }, 'configuration');
    logger.child({ component: 'adapters' }).info({ settings: { ...config } }, 'connecting');
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      for (const secret of secrets) expect(line).not.toContain(secret);
    }
  });

  it('keeps what is not secret, the Redis URL without its password', () => {
    const { lines, stream } = capture();
    createLogger({ service: 'normalizer', level: 'info' }, stream).info(
      { config },
      'configuration',
    );
    const logged = JSON.parse(lines[0] ?? '{}').config;
    expect(logged.KAFKA_SASL_USERNAME).toBe('wire');
    expect(logged.KAFKA_SASL_PASSWORD).toBe('[redacted]');
    expect(logged.REDIS_PASSWORD).toBe('[redacted]');
    expect(logged.REDIS_URL).toBe('rediss://wire:redacted@redis.internal:6380/0');
    expect(config.REDIS_URL).toContain('url-pass-2');
  });
});
