// The wire CLI and `pnpm topics` take the services' settings: against the secure
// stack (infra/secure-stack.sh: Kafka over SASL_SSL with SCRAM-SHA-512, Redis over
// TLS as the ACL user wire, passwords from files) they create topics, write, read,
// reprocess and list; a wrong password ends them at once with one line that does not print
// it. With no settings they still talk plaintext to the local stack.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import {
  allTopics,
  connectProducer,
  createKafkaClient,
  ensureTopics,
  toKafkaHeaders,
  topicCatalogue,
} from '@wire/kafka';
import { connectRedis } from '@wire/redis';
import {
  numberedItemsFeed,
  rawFetchRecord,
  repoRoot,
  secureBrokers,
  secureCaFile,
  secureEnv,
  securePassword,
  secureRedisUrl,
  testBrokers,
  uniqueNamespace,
} from '@wire/testkit';
import { beforeAll, describe, expect, it } from 'vitest';

const wireCli = join(repoRoot, 'apps/cli/dist/src/main.js');
const topicsBin = join(repoRoot, 'packages/runtime/dist/src/bin/create-topics.js');
const sample = join(repoRoot, 'samples/yonhap/yonhap-en-news.xml');

interface Exit {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a built script with exactly `env` (and PATH), as a person would from a shell. */
function run(script: string, args: string[], env: Record<string, string>): Promise<Exit> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 90_000 },
      (err, stdout, stderr) => {
        const status = err === null ? 0 : typeof err.code === 'number' ? err.code : null;
        resolve({ status, stdout, stderr, ms: Date.now() - started });
      },
    );
  });
}

const secureKafka = createKafkaClient({
  brokers: secureBrokers,
  clientId: 'cli-secure-test',
  tls: { caFile: secureCaFile },
  sasl: { mechanism: 'scram-sha-512', username: 'wire', password: securePassword('kafka') },
});

/** The secure environment with a wrong password for one server, given directly. */
function wrongPassword(ns: string, server: 'kafka' | 'redis'): Record<string, string> {
  const env = secureEnv(ns);
  const name = server === 'kafka' ? 'KAFKA_SASL_PASSWORD' : 'REDIS_PASSWORD';
  delete env[`${name}_FILE`];
  return { ...env, [name]: 'not-the-password' };
}

describe('against the secure stack', () => {
  const ns = uniqueNamespace('cli-secure');
  const topics = topicCatalogue(ns);
  const env = secureEnv(ns);
  beforeAll(async () => {
    await ensureTopics(secureKafka, allTopics(topics));
  });

  it('pnpm topics creates the catalogue over SASL_SSL, and finds it there the second time', async () => {
    const own = uniqueNamespace('cli-topics');
    const first = await run(topicsBin, [], secureEnv(own));
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(
      new RegExp(`^created {2}${own.replaceAll('.', '\\.')}wire\\.raw\\.v1 `, 'm'),
    );
    const second = await run(topicsBin, [], secureEnv(own));
    expect(second.status).toBe(0);
    expect(second.stdout).not.toContain('created');
    expect(second.stdout.trim().split('\n')).toHaveLength(first.stdout.trim().split('\n').length);
  });

  it('wire replay writes over SASL_SSL with its state in TLS Redis, and wire tail reads it back', async () => {
    const replay = await run(
      wireCli,
      ['replay', sample, '--identity', 'yonhap', '--agency', 'yna', '--feed-id', 'yna-en-news'],
      env,
    );
    expect(replay.status, replay.stderr).toBe(0);
    expect(replay.stderr).toMatch(/records written/);

    const tail = await run(
      wireCli,
      ['tail', 'news.articles.v1', '--from-beginning', '--max', '1', '--idle', '30'],
      env,
    );
    expect(tail.status, tail.stderr).toBe(0);
    expect(tail.stdout).toMatch(/^\d+:\d+ {2}created +urn:wire:yna:\S+ {2}\S/);
  });

  it('wire reprocess reads the raw topic over SASL_SSL, its scratch state in TLS Redis', async () => {
    const since = new Date();
    const fetch = rawFetchRecord('secure-feed', 'fetch-1', numberedItemsFeed('secure', 1, 2));
    const producer = await connectProducer(secureKafka);
    await producer.send(topics.raw.name, [{ ...fetch, headers: toKafkaHeaders(fetch.headers) }]);
    await producer.disconnect();

    const reprocess = await run(
      wireCli,
      ['reprocess', '--since', since.toISOString(), '--dry-run'],
      env,
    );
    expect(reprocess.status, reprocess.stderr).toBe(0);
    const topicsWritten = reprocess.stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { topic: string }).topic);
    expect(topicsWritten.filter((topic) => topic.endsWith('.news.articles.v1'))).toHaveLength(2);
  });

  it('wire dlq lists a dead letter over SASL_SSL', async () => {
    const producer = await connectProducer(secureKafka);
    await producer.send(topics.dlq.name, [
      {
        key: 'broken-feed',
        value: '<rss><channel>',
        headers: toKafkaHeaders({
          'wire-feed-id': 'broken-feed',
          'wire-dlq-stage': 'normalizer',
          'wire-dlq-reason': 'XML_MALFORMED',
          'wire-dlq-source-topic': topics.raw.name,
        }),
      },
    ]);
    await producer.disconnect();

    const list = await run(wireCli, ['dlq', 'list'], env);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/normalizer +XML_MALFORMED +broken-feed/);
    expect(list.stdout).toContain(`1 dead letters in ${topics.dlq.name}`);
  });

  it('wire feeds reads Redis over TLS as the ACL user', async () => {
    const redis = await connectRedis({
      url: secureRedisUrl,
      password: securePassword('redis'),
      tlsCaFile: secureCaFile,
    });
    await redis.hset(`${ns}feed:yna-en-news`, {
      lastStatus: '200',
      lastSuccessAt: '2026-11-28T10:00:00.000Z',
      consecutiveFailures: '0',
      itemsSeen: '42',
      gaps: '0',
    });
    await redis.quit();

    const feeds = await run(wireCli, ['feeds'], env);
    expect(feeds.status, feeds.stderr).toBe(0);
    expect(feeds.stdout).toMatch(/^yna-en-news +200 +2026-11-28T10:00:00.000Z +0 +42 +0/m);
  });

  it.each([
    ['wire tail', wireCli, ['tail', 'news.articles.v1', '--max', '1', '--idle', '5']],
    ['wire dlq', wireCli, ['dlq', 'list']],
    ['topics', topicsBin, []],
  ])(
    '%s refuses a wrong Kafka password at once, in one line without it',
    async (name, script, args) => {
      const refused = await run(script, args, wrongPassword(ns, 'kafka'));
      expect(refused.status).toBe(1);
      expect(refused.stderr.trim()).toMatch(
        new RegExp(`^${name}: .*SCRAM SHA512 authentication failed.*invalid credentials[^\\n]*$`),
      );
      expect(refused.stderr).not.toContain('not-the-password');
      expect(refused.ms).toBeLessThan(15_000);
    },
  );

  it('wire feeds refuses a wrong Redis password at once, in one line without it', async () => {
    const refused = await run(wireCli, ['feeds'], wrongPassword(ns, 'redis'));
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toMatch(/^wire feeds: WRONGPASS [^\n]*$/);
    expect(refused.stderr).not.toContain('not-the-password');
    expect(refused.ms).toBeLessThan(15_000);
  });
});

describe('with no security settings', () => {
  it('pnpm topics and wire dlq talk plaintext to the local stack', async () => {
    const ns = uniqueNamespace('cli-plain');
    const env = { KAFKA_BROKERS: testBrokers.join(','), WIRE_TOPIC_PREFIX: ns };
    const created = await run(topicsBin, [], env);
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain(`created  ${ns}wire.dlq.v1`);
    const list = await run(wireCli, ['dlq', 'list'], env);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toContain(`0 dead letters in ${ns}wire.dlq.v1`);
  });
});
