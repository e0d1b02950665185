// The normalizer and the publisher against the secure stack (infra/secure-stack.sh):
// Kafka over SASL_SSL with SCRAM-SHA-512 and Redis over TLS as an ACL user, the
// passwords read from files. A document goes through, no password reaches a log,
// and a wrong password stops a service at start.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ServiceProcess, startServiceProcess } from '@wire/cli';
import {
  allTopics,
  connectProducer,
  createKafkaClient,
  ensureTopics,
  type RunningConsumer,
  startRecordConsumer,
  toKafkaHeaders,
  topicCatalogue,
} from '@wire/kafka';
import { repoRoot, uniqueNamespace, waitUntil } from '@wire/testkit';
import { afterAll, describe, expect, it } from 'vitest';

const secrets = process.env.WIRE_SECURE_DIR ?? join(repoRoot, '.wire/secure');
const brokers = (process.env.WIRE_SECURE_KAFKA_BROKERS ?? '127.0.0.1:9094').split(',');
const redisPort = process.env.WIRE_SECURE_REDIS_PORT ?? '6380';
const passwords = ['kafka-wire.password', 'redis-wire.password'].map((name) =>
  readFileSync(join(secrets, name), 'utf8').trim(),
);
const kafka = createKafkaClient({
  brokers,
  clientId: 'secure-e2e',
  tls: { caFile: join(secrets, 'ca.crt') },
  sasl: { mechanism: 'scram-sha-512', username: 'wire', password: passwords[0] ?? '' },
});

function environment(ns: string): Record<string, string> {
  return {
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: 'wire',
    KAFKA_SASL_PASSWORD_FILE: join(secrets, 'kafka-wire.password'),
    KAFKA_TLS_CA_FILE: join(secrets, 'ca.crt'),
    REDIS_URL: `rediss://wire@127.0.0.1:${redisPort}`,
    REDIS_PASSWORD_FILE: join(secrets, 'redis-wire.password'),
    REDIS_TLS_CA_FILE: join(secrets, 'ca.crt'),
    WIRE_TOPIC_PREFIX: ns,
    WIRE_REDIS_PREFIX: ns,
    LOG_LEVEL: 'debug',
    KAFKA_SESSION_TIMEOUT_MS: '6000',
  };
}

async function produceRawDocument(ns: string, items: number): Promise<void> {
  const producer = await connectProducer(kafka);
  const entries = Array.from(
    { length: items },
    (_, i) =>
      `<item><title>Secure ${i}</title><guid>secure-${i}</guid><description>Body ${i}.</description></item>`,
  );
  const body = Buffer.from(
    `<rss version="2.0"><channel><title>t</title>${entries.join('')}</channel></rss>`,
  );
  const headers = {
    'wire-feed-id': 'secure-feed',
    'wire-agency': 'test',
    'wire-url': 'http://127.0.0.1/secure.xml',
    'wire-fetch-id': 'fetch-secure',
    'wire-fetched-at': new Date().toISOString(),
    'wire-http-status': '200',
    'wire-content-type': 'application/rss+xml',
    'wire-sha256': createHash('sha256').update(body).digest('hex'),
    'wire-identity': 'guid',
  };
  await producer.send(topicCatalogue(ns).raw.name, [
    { key: 'secure-feed', value: body, headers: toKafkaHeaders(headers) },
  ]);
  await producer.disconnect();
}

const noPasswordIn = (service: ServiceProcess) => {
  for (const password of passwords) expect(service.logs.join('\n')).not.toContain(password);
};

describe('the services against SASL_SSL Kafka and TLS Redis', () => {
  const running: ServiceProcess[] = [];
  const consumers: RunningConsumer[] = [];
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()));
    await Promise.all(consumers.map((c) => c.stop()));
  });

  it('carry a document from raw to published, with no password in their logs', async () => {
    const ns = uniqueNamespace('secure');
    await ensureTopics(kafka, allTopics(topicCatalogue(ns)));
    await produceRawDocument(ns, 3);
    const normalizer = startServiceProcess('normalizer', { env: environment(ns) });
    const publisher = startServiceProcess('publisher', { env: environment(ns) });
    running.push(normalizer, publisher);

    const published: string[] = [];
    consumers.push(
      await startRecordConsumer(
        kafka,
        { groupId: `${ns}reader`, topics: [topicCatalogue(ns).articles.name], fromBeginning: true },
        async (record) => {
          published.push(String(record.key));
        },
      ),
    );
    await waitUntil(() => published.length >= 3, { timeoutMs: 60_000, what: '3 articles' });

    expect(await normalizer.stop()).toBe(0);
    expect(await publisher.stop()).toBe(0);
    noPasswordIn(normalizer);
    noPasswordIn(publisher);
  });

  it('stop a service at start when its Kafka password is wrong, without printing it', async () => {
    const ns = uniqueNamespace('secure-wrong');
    const env: Record<string, string> = {
      ...environment(ns),
      KAFKA_SASL_PASSWORD: 'not-the-password',
    };
    delete env.KAFKA_SASL_PASSWORD_FILE;
    const normalizer = startServiceProcess('normalizer', { env });
    running.push(normalizer);
    expect(await normalizer.exited).toBe(1);
    const logs = normalizer.logs.join('\n');
    expect(logs).toContain('KafkaJSSASLAuthenticationError');
    expect(logs).not.toContain('not-the-password');
  });

  it('stop a service at start when its Redis password is wrong, without printing it', async () => {
    const ns = uniqueNamespace('secure-wrong');
    const env: Record<string, string> = { ...environment(ns), REDIS_PASSWORD: 'not-the-password' };
    delete env.REDIS_PASSWORD_FILE;
    const normalizer = startServiceProcess('normalizer', { env });
    running.push(normalizer);
    expect(await normalizer.exited).toBe(1);
    const logs = normalizer.logs.join('\n');
    expect(logs).toContain('WRONGPASS');
    expect(logs).not.toContain('not-the-password');
  });
});
