// The normalizer and the publisher against the secure stack (infra/secure-stack.sh):
// Kafka over SASL_SSL with SCRAM-SHA-512 and Redis over TLS as an ACL user, the
// passwords read from files. A document goes through, no password reaches a log,
// and a wrong password stops a service at start.
import { createHash } from 'node:crypto';
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
import {
  secureBrokers,
  secureCaFile,
  secureEnv,
  securePassword,
  uniqueNamespace,
  waitUntil,
} from '@wire/testkit';
import { afterAll, describe, expect, it } from 'vitest';

const passwords = [securePassword('kafka'), securePassword('redis')];
const kafka = createKafkaClient({
  brokers: secureBrokers,
  clientId: 'secure-e2e',
  tls: { caFile: secureCaFile },
  sasl: { mechanism: 'scram-sha-512', username: 'wire', password: passwords[0] ?? '' },
});

function environment(ns: string): Record<string, string> {
  return { ...secureEnv(ns), LOG_LEVEL: 'debug', KAFKA_SESSION_TIMEOUT_MS: '6000' };
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
