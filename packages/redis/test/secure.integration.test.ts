import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, createClaimStore, type Redis } from '../src/index.js';
import { claimStoreContract } from './claim-store-contract.js';

// The TLS-only Redis of infra/secure-stack.sh: default user off, ACL user "wire".
const secrets =
  process.env.WIRE_SECURE_DIR ?? resolve(import.meta.dirname, '../../../.wire/secure');
const port = process.env.WIRE_SECURE_REDIS_PORT ?? '6380';
const url = `rediss://wire@127.0.0.1:${port}`;
const tlsCaFile = join(secrets, 'ca.crt');
const password = readFileSync(join(secrets, 'redis-wire.password'), 'utf8').trim();

const refusal = (settings: Parameters<typeof connectRedis>[0]) =>
  connectRedis({ failFast: true, ...settings }).then(
    async (redis) => {
      await redis.quit();
      return undefined;
    },
    (err: unknown) => err as Error,
  );

describe('Redis over TLS with an ACL user', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = await connectRedis({ url, password, tlsCaFile });
  });
  afterAll(async () => {
    await redis.quit();
  });

  claimStoreContract((settings) => createClaimStore(redis, settings));

  it('is connected as the ACL user, over TLS', async () => {
    expect(await redis.call('ACL', 'WHOAMI')).toBe('wire');
  });

  it('refuses a wrong password without echoing it', async () => {
    const refused = await refusal({ url, password: 'not-the-password', tlsCaFile });
    expect(refused?.message).toMatch(/WRONGPASS/);
    // Not in the error's other properties either (ioredis attaches the command).
    expect(inspect(refused, { depth: 10 })).not.toContain('not-the-password');
  });

  it('refuses the default user, which is off', async () => {
    const refused = await refusal({ url: `rediss://127.0.0.1:${port}`, tlsCaFile });
    expect(refused?.message).toMatch(/NOAUTH|WRONGPASS/);
  });

  it('refuses a plaintext connection', async () => {
    const refused = await refusal({ url: `redis://wire@127.0.0.1:${port}`, password });
    expect(refused).toBeInstanceOf(Error);
  });

  it('does not trust the server without the CA that signed its certificate', async () => {
    const refused = await refusal({ url, password });
    expect(refused?.message).toMatch(/certificate/);
  });
});
