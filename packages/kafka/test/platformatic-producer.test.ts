// What the @platformatic/kafka producers send: the partition of a key is the one
// kafkajs (and Java) choose, and a record's parts go as bytes.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Producer } from '@platformatic/kafka';
import { Partitioners } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { platformaticOptions } from '../src/client.js';
import { createKafkaClient } from '../src/index.js';
import { keyPartition, toMessage } from '../src/platformatic/producer.js';

describe('the partition of a key', () => {
  it('is the one kafkajs (and Java) choose, for any key and partition count', () => {
    const kafkajs = Partitioners.DefaultPartitioner();
    for (let i = 0; i < 2_000; i++) {
      const key = i % 2 === 0 ? randomBytes(1 + (i % 40)) : Buffer.from(`feed-${i}`);
      for (const count of [1, 3, 6, 7]) {
        const partitionMetadata = Array.from({ length: count }, (_, partitionId) => ({
          partitionId,
          leader: 1,
          partitionErrorCode: 0,
          replicas: [1],
          isr: [1],
        }));
        const expected = kafkajs({ topic: 't', partitionMetadata, message: { key, value: null } });
        expect(keyPartition(key) % count).toBe(expected);
      }
    }
  });

  it('goes with the record, text or bytes; a record without a key has none', () => {
    const keyed = toMessage('t', { key: 'feed-1', value: 'x', headers: { a: 'b' } });
    expect(keyed.partition).toBe(keyPartition(Buffer.from('feed-1')));
    expect(keyed.value).toEqual(Buffer.from('x'));
    expect([...(keyed.headers as Map<Buffer, Buffer>)].map(([k, v]) => `${k}=${v}`)).toEqual([
      'a=b',
    ]);
    const tombstone = toMessage('t', { key: null, value: null });
    expect(tombstone.partition).toBeUndefined();
    expect(tombstone.value).toBeUndefined();
  });
});

describe('the connection options of a platformatic client', () => {
  it('carry the brokers, TLS with the CA file and SCRAM credentials, and the library takes them', async () => {
    const caFile = join(mkdtempSync(join(tmpdir(), 'wire-ca-')), 'ca.crt');
    writeFileSync(
      caFile,
      '-----BEGIN CERTIFICATE-----\nnot a real one\n-----END CERTIFICATE-----\n',
    );
    const client = createKafkaClient({
      brokers: ['kafka-1:9094', 'kafka-2:9094'],
      clientId: 'wire-normalizer',
      library: 'platformatic',
      tls: { caFile },
      sasl: { mechanism: 'scram-sha-512', username: 'wire', password: 'p' },
    });
    const options = platformaticOptions(client);
    expect(options).toMatchObject({
      clientId: 'wire-normalizer',
      bootstrapBrokers: ['kafka-1:9094', 'kafka-2:9094'],
      tls: { ca: [expect.stringContaining('not a real one')] },
      sasl: { mechanism: 'SCRAM-SHA-512', username: 'wire', password: 'p' },
    });
    const plaintext = platformaticOptions(
      createKafkaClient({ brokers: ['b:9092'], clientId: 'c', library: 'platformatic' }),
    );
    expect(plaintext.tls).toBeUndefined();
    expect(plaintext.sasl).toBeUndefined();
    // The library validates its options when a client is made.
    const producer = new Producer({ ...options, idempotent: true });
    await producer.close();
  });
});
