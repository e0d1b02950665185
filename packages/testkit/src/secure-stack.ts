// infra/secure-stack.sh as a test reaches it: where its Kafka (SASL_SSL) and Redis
// (TLS, ACL user wire) listen, its CA and passwords, and the environment that points
// a service or a command at it, passwords read from their files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './shared-data.js';

/** Its CA and passwords; WIRE_SECURE_DIR when the stack's files live in another checkout. */
export const secureDir = process.env.WIRE_SECURE_DIR ?? join(repoRoot, '.wire/secure');
export const secureBrokers = (process.env.WIRE_SECURE_KAFKA_BROKERS ?? '127.0.0.1:9094').split(',');
export const secureRedisUrl = `rediss://wire@127.0.0.1:${process.env.WIRE_SECURE_REDIS_PORT ?? '6380'}`;
export const secureCaFile = join(secureDir, 'ca.crt');

/** The password of the stack's user wire on Kafka or Redis. */
export function securePassword(server: 'kafka' | 'redis'): string {
  return readFileSync(join(secureDir, `${server}-wire.password`), 'utf8').trim();
}

/** The common settings for the secure stack, in the namespace `ns`. */
export function secureEnv(ns: string): Record<string, string> {
  return {
    KAFKA_BROKERS: secureBrokers.join(','),
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: 'wire',
    KAFKA_SASL_PASSWORD_FILE: join(secureDir, 'kafka-wire.password'),
    KAFKA_TLS_CA_FILE: secureCaFile,
    REDIS_URL: secureRedisUrl,
    REDIS_PASSWORD_FILE: join(secureDir, 'redis-wire.password'),
    REDIS_TLS_CA_FILE: secureCaFile,
    WIRE_TOPIC_PREFIX: ns,
    WIRE_REDIS_PREFIX: ns,
  };
}
