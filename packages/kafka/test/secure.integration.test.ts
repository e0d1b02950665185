import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkajsOf } from '../src/client.js';
import {
  connectProducer,
  connectTransactionalProducer,
  createKafkaClient,
  ensureTopics,
  type KafkaLibrary,
  startRecordConsumer,
} from '../src/index.js';

// The SASL_SSL broker of infra/secure-stack.sh, its CA and the client's password.
const secrets =
  process.env.WIRE_SECURE_DIR ?? resolve(import.meta.dirname, '../../../.wire/secure');
const brokers = (process.env.WIRE_SECURE_KAFKA_BROKERS ?? '127.0.0.1:9094').split(',');
const caFile = join(secrets, 'ca.crt');
const password = readFileSync(join(secrets, 'kafka-wire.password'), 'utf8').trim();
const prefix = `test-secure-${randomUUID().slice(0, 8)}.`;

const secureClient = (secret: string, library: KafkaLibrary = 'kafkajs') =>
  createKafkaClient({
    brokers,
    clientId: 'secure-test',
    library,
    tls: { caFile },
    sasl: { mechanism: 'scram-sha-512', username: 'wire', password: secret },
  });

describe('Kafka over SASL_SSL with SCRAM-SHA-512', () => {
  const kafka = secureClient(password);
  const topic = `${prefix}round-trip`;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    await ensureTopics(kafka, [
      {
        name: topic,
        partitions: 1,
        replicationFactor: 1,
        config: {},
        purpose: 'the secure round trip',
      },
    ]);
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('commits a transaction and reads it back, authenticated and encrypted', async () => {
    const producer = await connectTransactionalProducer(kafka, `${prefix}tx`);
    cleanups.push(() => producer.disconnect());
    await producer.commitTransaction({
      records: new Map([[topic, [{ key: 'k', value: 'over tls' }]]]),
    });

    const seen: string[] = [];
    const consumer = await startRecordConsumer(
      kafka,
      { groupId: `${prefix}group`, topics: [topic], fromBeginning: true },
      async (record) => {
        seen.push(String(record.value));
      },
    );
    cleanups.push(() => consumer.stop());
    await expect.poll(() => seen, { timeout: 30_000, interval: 200 }).toEqual(['over tls']);
  });

  it('refuses a wrong password with an authentication error, not a retry loop', async () => {
    const started = Date.now();
    const producer = kafkajsOf(secureClient('not-the-password')).producer();
    const refused = await producer.connect().then(
      () => undefined,
      (err: unknown) => err as Error,
    );
    await producer.disconnect();
    expect(refused?.name).toBe('KafkaJSSASLAuthenticationError');
    expect(refused?.message).toMatch(/SCRAM SHA512 authentication failed.*invalid credentials/);
    expect(refused?.message).not.toContain('not-the-password');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('commits a transaction over @platformatic/kafka too, authenticated and encrypted', async () => {
    const platformatic = secureClient(password, 'platformatic');
    const producer = await connectTransactionalProducer(platformatic, `${prefix}tx-platformatic`);
    cleanups.push(() => producer.disconnect());
    await producer.commitTransaction({
      records: new Map([[topic, [{ key: 'k', value: 'over tls, platformatic' }]]]),
    });
    const seen: string[] = [];
    const consumer = await startRecordConsumer(
      kafka,
      { groupId: `${prefix}group-platformatic`, topics: [topic], fromBeginning: true },
      async (record) => {
        seen.push(String(record.value));
      },
    );
    cleanups.push(() => consumer.stop());
    await expect
      .poll(() => seen, { timeout: 30_000, interval: 200 })
      .toContain('over tls, platformatic');
  });

  it('refuses a wrong password over @platformatic/kafka as KAFKA_DENIED, at once', async () => {
    const started = Date.now();
    const refused = await connectProducer(secureClient('not-the-password', 'platformatic')).then(
      () => undefined,
      (err: unknown) => err as Error & { code?: string; kind?: string },
    );
    expect(refused?.code).toBe('KAFKA_DENIED');
    expect(refused?.kind).toBe('configuration');
    expect(refused?.message).not.toContain('not-the-password');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  // Clients without retries: what the broker answers, at once.
  const refusal = async (config: Partial<ConstructorParameters<typeof Kafka>[0]>) => {
    const client = new Kafka({
      brokers,
      clientId: 'refused-test',
      logLevel: logLevel.NOTHING,
      connectionTimeout: 3_000,
      retry: { retries: 0 },
      ...config,
    });
    const admin = client.admin();
    const refused = await admin
      .connect()
      .then(() => admin.listTopics())
      .then(
        () => undefined,
        (err: unknown) => err as Error,
      );
    await admin.disconnect();
    return refused;
  };

  it('does not let a plaintext client in', async () => {
    const refused = await refusal({});
    expect(refused).toBeInstanceOf(Error);
    expect(refused?.message).toMatch(/Closed connection|Connection (error|timeout)/);
  });

  it('does not let a TLS client in without SASL', async () => {
    const refused = await refusal({ ssl: { ca: [readFileSync(caFile, 'utf8')] } });
    expect(refused?.message).toMatch(/Closed connection/);
  });

  it('does not trust the broker without the CA that signed its certificate', async () => {
    const refused = await refusal({
      ssl: true,
      sasl: { mechanism: 'scram-sha-512', username: 'wire', password },
    });
    expect(refused?.message).toMatch(/certificate/);
  });
});
