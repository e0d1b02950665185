import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The built command line with only the given environment, as `pnpm wire` runs it.
const main = join(import.meta.dirname, '../dist/src/main.js');
const wire = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [main, ...args], {
    encoding: 'utf8',
    timeout: 20_000,
    env: { PATH: process.env.PATH ?? '', ...env },
  });

const secret = 's3cr3t-never-printed';

describe("the commands' Kafka and Redis settings", () => {
  it.each([
    ['tail', 'news.articles.v1'],
    ['dlq', 'list'],
    ['reprocess', '--since', '2026-11-28T09:00:00Z'],
  ])('refuse a SASL mechanism without its user and password: wire %s exits 78', (...args) => {
    const { status, stderr } = wire({ KAFKA_SASL_MECHANISM: 'scram-sha-512' }, ...args);
    expect(status).toBe(78);
    expect(stderr).toContain(`wire ${args[0]}: invalid configuration:`);
    expect(stderr).toContain('KAFKA_SASL_USERNAME: required when KAFKA_SASL_MECHANISM is set');
    expect(stderr).toContain('KAFKA_SASL_PASSWORD: required when KAFKA_SASL_MECHANISM is set');
  });

  it('refuse a Redis CA file for a plaintext URL, without printing a password', () => {
    const { status, stderr } = wire(
      { REDIS_TLS_CA_FILE: '/ca.crt', REDIS_PASSWORD: secret, KAFKA_SASL_PASSWORD: secret },
      'feeds',
    );
    expect(status).toBe(78);
    expect(stderr).toContain('REDIS_TLS_CA_FILE: needs a rediss:// REDIS_URL');
    expect(stderr).toContain('KAFKA_SASL_PASSWORD: set without KAFKA_SASL_MECHANISM');
    expect(stderr).not.toContain(secret);
  });

  it('are not read by a command that connects to neither', () => {
    const sample = join(import.meta.dirname, '../../../samples/yonhap/yonhap-en-news.xml');
    const { status } = wire(
      { KAFKA_SASL_MECHANISM: 'scram-sha-512' },
      'parse',
      sample,
      '--identity',
      'yonhap',
      '--agency',
      'yna',
    );
    expect(status).toBe(0);
  });
});
