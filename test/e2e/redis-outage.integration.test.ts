// Redis going away must pause the pipeline, not drop articles: a document that
// arrives while Redis is down is published once Redis is back, and nothing is
// dead-lettered or published twice. Runs its own redis-server on a free port.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { type ServiceProcess, startServiceProcess } from '@wire/cli';
import {
  allTopics,
  connectProducer,
  createKafkaClient,
  ensureTopics,
  toKafkaHeaders,
  topicCatalogue,
} from '@wire/kafka';
import {
  numberedItemsFeed,
  pipelineEnv,
  rawFetchRecord,
  readTopics,
  testBrokers,
  uniqueNamespace,
} from '@wire/testkit';
import { afterAll, describe, expect, it } from 'vitest';

const ns = uniqueNamespace('redis-outage');
const topics = topicCatalogue(ns);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function startRedis(port: number): ChildProcess {
  return spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
}

describe('a Redis outage', () => {
  let redis: ChildProcess | undefined;
  const services: ServiceProcess[] = [];

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    redis?.kill('SIGKILL');
  });

  it('pauses the pipeline and loses nothing', async () => {
    const port = await freePort();
    redis = startRedis(port);
    const env = {
      ...pipelineEnv(ns),
      REDIS_URL: `redis://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
    };
    const kafka = createKafkaClient({ brokers: testBrokers, clientId: 'outage-test' });
    await ensureTopics(kafka, allTopics(topics));
    const producer = await connectProducer(kafka);
    const send = async (body: Buffer, n: number) => {
      const { key, value, headers } = rawFetchRecord('outage', `fetch-${n}`, body);
      await producer.send(topics.raw.name, [{ key, value, headers: toKafkaHeaders(headers) }]);
    };
    const reader = await readTopics(testBrokers, [topics.articles.name, topics.dlq.name]);
    const events = () => reader.records.filter((r) => r.topic === topics.articles.name);
    try {
      const ops = { normalizer: await freePort(), publisher: await freePort() };
      services.push(
        startServiceProcess('normalizer', {
          env: { ...env, OPS_ADDRESS: `127.0.0.1:${ops.normalizer}` },
        }),
        startServiceProcess('publisher', {
          env: { ...env, OPS_ADDRESS: `127.0.0.1:${ops.publisher}` },
        }),
      );
      await send(numberedItemsFeed('outage', 0, 20), 1);
      await reader.waitFor(() => events().length >= 20, 60_000);

      redis.kill('SIGKILL');
      await new Promise((r) => redis?.once('exit', r));
      await send(numberedItemsFeed('outage', 20, 20), 2);
      await new Promise((r) => setTimeout(r, 5_000));
      expect(events()).toHaveLength(20);
      // Both stages saw their Redis connection fail, and say so in /metrics.
      for (const [service, port] of Object.entries(ops)) {
        const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
        expect(text).toMatch(
          new RegExp(`wire_redis_errors_total\\{kind="connection",service="${service}"\\} [1-9]`),
        );
      }

      redis = startRedis(port);
      await reader.waitFor(() => events().length >= 40, 120_000);
      await new Promise((r) => setTimeout(r, 2_000));
    } finally {
      await producer.disconnect();
      await reader.close();
    }
    const ids = events().map((r) => r.headers.ce_id);
    expect(new Set(events().map((r) => r.key)).size).toBe(40);
    expect(ids).toHaveLength(new Set(ids).size);
    expect(reader.records.filter((r) => r.topic === topics.dlq.name)).toEqual([]);
    for (const service of services) expect(service.logs.join('\n')).not.toMatch(/"level":60/);
  });
});
