// `wire demo`: the whole pipeline on the bundled Yonhap samples. Serves the feeds
// locally, runs the three services against the configured Kafka and Redis, prints each
// public event as it arrives, then re-files the story as (LEAD) to show an update.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  allTopics,
  createKafkaClient,
  ensureTopics,
  type KafkaClientSettings,
  type RunningConsumer,
  startRecordConsumer,
  topicCatalogue,
} from '@wire/kafka';
import { formatEventLine } from '../event-line.js';
import { startFeedServer } from '../feed-server.js';
import { type ServiceProcess, startServiceProcess } from '../service-process.js';

export interface DemoSettings {
  kafka: KafkaClientSettings;
  /** The connection settings the services get, as the command was given them. */
  serviceEnv: Record<string, string>;
  samplesDir: string;
  workDir: string;
  timeoutMs: number;
  print: (line: string) => void;
}

export async function runDemo(settings: DemoSettings): Promise<number> {
  const { print } = settings;
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').toLowerCase();
  const ns = `demo-${stamp}.`;
  const topics = topicCatalogue(ns);
  const logDir = join(settings.workDir, ns.slice(0, -1));
  mkdirSync(logDir, { recursive: true });
  const sample = (file: string) => readFileSync(join(settings.samplesDir, file));

  const kafka = createKafkaClient(settings.kafka);
  await ensureTopics(kafka, allTopics(topics));
  const feeds = await startFeedServer();
  feeds.set('/en/news.xml', { body: sample('yonhap-en-news.xml') });
  feeds.set('/en/northkorea.xml', { body: sample('yonhap-en-northkorea.xml') });
  const registry = join(logDir, 'feeds.yaml');
  writeFileSync(
    registry,
    [
      'feeds:',
      ...[
        ['yna-en-news', '/en/news.xml'],
        ['yna-en-northkorea', '/en/northkorea.xml'],
      ].flatMap(([id, path]) => [
        `  - id: ${id}`,
        '    agency: yna',
        `    url: ${feeds.url(path as string)}`,
        '    language: en',
        '    identity: yonhap',
        '    intervalSeconds: 2',
        '    allowAddresses: [127.0.0.1]  # the local demo server; public addresses need no entry',
      ]),
      '',
    ].join('\n'),
  );

  print(`namespace   ${ns}  (topics and Redis keys of this run)`);
  print(`feeds       ${feeds.url('/en/news.xml')}, ${feeds.url('/en/northkorea.xml')}`);
  print(`service logs ${logDir}/`);
  print(`events on   ${topics.articles.name}:`);
  const env = {
    ...settings.serviceEnv,
    WIRE_TOPIC_PREFIX: ns,
    WIRE_REDIS_PREFIX: ns,
    LOG_LEVEL: 'info',
  };
  const services: ServiceProcess[] = (['publisher', 'normalizer', 'ingester'] as const).map(
    (name) =>
      startServiceProcess(name, {
        env: name === 'ingester' ? { ...env, FEEDS_FILE: registry } : env,
        logFile: join(logDir, `${name}.log`),
      }),
  );

  const events: string[] = [];

  const waitForEvents = async (count: number) => {
    const deadline = Date.now() + settings.timeoutMs;
    while (events.length < count && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    return events.length >= count;
  };

  let ok = false;
  // Started inside the try: if reading the topic fails, the services still stop.
  let consumer: RunningConsumer | undefined;
  try {
    consumer = await startRecordConsumer(
      kafka,
      { groupId: `${ns}demo-tail`, topics: [topics.articles.name], fromBeginning: true },
      async ({ key, value, headers }) => {
        const line = formatEventLine({ key: key?.toString() ?? null, value, headers });
        events.push(line);
        print(`  ${line}`);
      },
    );
    print('\nwaiting for the first poll: three stories, one of them in both section feeds…');
    if (await waitForEvents(3)) {
      print('\nYonhap re-files the lead story as (LEAD) under a new id…');
      feeds.set('/en/news.xml', { body: sample('yonhap-en-news-later.xml') });
      ok = await waitForEvents(4);
      await new Promise((r) => setTimeout(r, 3_000));
    }
  } finally {
    await consumer?.stop();
    const codes = await Promise.all(services.map((s) => s.stop()));
    await feeds.close();
    if (!ok) {
      print(`\ntimed out with ${events.length} events; last service log lines:`);
      for (const s of services) for (const line of s.logs.slice(-5)) print(`  ${s.name}: ${line}`);
    }
    print(
      `\n${events.length} events published; services stopped with exit codes ${codes.join(', ')}`,
    );
  }
  return ok && events.length === 4 ? 0 : 1;
}
