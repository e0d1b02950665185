import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The built `pnpm topics`, with only the given environment.
const bin = join(import.meta.dirname, '../dist/src/bin/create-topics.js');

describe('pnpm topics', () => {
  it('reads the security settings as a service does: a bad combination exits 78 naming it', () => {
    const { status, stderr } = spawnSync(process.execPath, [bin], {
      encoding: 'utf8',
      timeout: 20_000,
      env: {
        PATH: process.env.PATH ?? '',
        KAFKA_SASL_USERNAME: 'wire',
        KAFKA_TLS: 'false',
        KAFKA_TLS_CA_FILE: '/ca.crt',
      },
    });
    expect(status).toBe(78);
    expect(stderr).toContain('topics: invalid configuration:');
    expect(stderr).toContain('KAFKA_SASL_USERNAME: set without KAFKA_SASL_MECHANISM');
    expect(stderr).toContain('KAFKA_TLS_CA_FILE: set while KAFKA_TLS is false');
  });
});
