#!/usr/bin/env node
// The wire command line. Kafka and Redis come from the services' common settings
// (KAFKA_BROKERS, REDIS_URL, TLS, SASL, the Redis user), defaulting to the local
// stack that infra/stack.sh starts.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  type ClientConfig,
  clientConfigSchema,
  loadConfigOrExit,
  schemaVariables,
} from '@wire/config';
import { kafkaClientSettings, redisClientSettings } from '@wire/runtime';
import { isIdentityStrategy } from '@wire/schema';
import { runDemo } from './commands/demo.js';
import { runDlqList, runDlqRedrive, runDlqShow } from './commands/dlq.js';
import { runFeeds } from './commands/feeds.js';
import { runParse } from './commands/parse.js';
import { runReplay } from './commands/replay.js';
import { runReprocess } from './commands/reprocess.js';
import { runServe } from './commands/serve.js';
import { runTail } from './commands/tail.js';
import { helpFor, mainHelp } from './help.js';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    help: { type: 'boolean', short: 'h' },
    timeout: { type: 'string', default: '120' },
    'content-type': { type: 'string' },
    identity: { type: 'string', default: 'guid' },
    agency: { type: 'string', default: 'local' },
    'from-beginning': { type: 'boolean', default: false },
    since: { type: 'string' },
    filter: { type: 'string', multiple: true, default: [] },
    json: { type: 'boolean', default: false },
    max: { type: 'string' },
    idle: { type: 'string', default: '0' },
    reason: { type: 'string' },
    prefix: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    namespace: { type: 'string' },
    speed: { type: 'string' },
    'feed-id': { type: 'string', default: 'replay' },
    language: { type: 'string' },
    'time-zone': { type: 'string' },
    at: { type: 'string' },
    until: { type: 'string' },
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    timeline: { type: 'boolean', default: false },
    step: { type: 'string', default: '30' },
    latency: { type: 'string' },
    fail: { type: 'string' },
    throttle: { type: 'string' },
    'retry-after': { type: 'string' },
    drip: { type: 'string' },
  },
});

const [command] = positionals;
if (!command) {
  console.log(mainHelp());
  process.exit(values.help ? 0 : 2);
}
if (values.help) {
  console.log(helpFor(command) ?? mainHelp());
  process.exit(0);
}
/**
 * The Kafka and Redis settings, read as the services read them, once and only by
 * the commands that connect: a bad one ends the command naming the setting, with
 * exit 78 as a service's configuration error does.
 */
let config: ClientConfig | undefined;
function clientConfig(): ClientConfig {
  config ??= loadConfigOrExit(clientConfigSchema, process.env, `wire ${command}`);
  return config;
}
/** For replay and reprocess, which read the services' whole configuration from it. */
function checkedEnv(): NodeJS.ProcessEnv {
  clientConfig();
  return process.env;
}
const topicPrefix = () => values.prefix ?? clientConfig().WIRE_TOPIC_PREFIX;

/** A usage error: the reason, then the command's help; exit 2. */
function usageError(reason: string): never {
  console.error(`wire ${command}: ${reason}\n\n${helpFor(command ?? '') ?? mainHelp()}`);
  process.exit(2);
}

try {
  if (command === 'demo') {
    process.exitCode = await runDemo({
      kafka: kafkaClientSettings(clientConfig(), 'wire-demo'),
      serviceEnv: schemaVariables(clientConfigSchema, process.env),
      samplesDir: join(repoRoot, 'samples/yonhap'),
      workDir: join(repoRoot, '.wire/demo'),
      timeoutMs: Number(values.timeout) * 1000,
      print: (line) => console.log(line),
    });
  } else if (command === 'parse') {
    const [, target] = positionals;
    const identity = values.identity;
    if (!target || !isIdentityStrategy(identity)) {
      usageError('give one FILE or URL and a valid --identity');
    }
    process.exitCode = await runParse({
      target,
      contentType: values['content-type'],
      identity,
      agency: values.agency,
      language: values.language,
      timeZone: values['time-zone'],
      print: (line) => console.log(line),
      printError: (line) => console.error(line),
    });
  } else if (command === 'replay') {
    const paths = positionals.slice(1);
    const identity = values.identity;
    const speed = values.speed === undefined ? undefined : Number(values.speed);
    const at = values.at === undefined ? undefined : new Date(values.at);
    if (
      paths.length === 0 ||
      !isIdentityStrategy(identity) ||
      (speed !== undefined && !(speed > 0)) ||
      (at && Number.isNaN(at.getTime()))
    ) {
      usageError('give PATHs, a valid --identity, --speed > 0 and --at as an ISO time');
    }
    process.exitCode = await runReplay({
      paths,
      dryRun: values['dry-run'] ?? false,
      namespace: values.namespace,
      speed,
      at,
      files: {
        feedId: values['feed-id'],
        agency: values.agency,
        identity,
        language: values.language,
        timeZone: values['time-zone'],
        contentType: values['content-type'],
      },
      env: checkedEnv(),
      print: (line) => console.log(line),
      printError: (line) => console.error(line),
      progress: process.stderr,
    });
  } else if (command === 'reprocess') {
    const since = values.since ? new Date(values.since) : undefined;
    const until = values.until ? new Date(values.until) : undefined;
    if (!since || Number.isNaN(since.getTime()) || (until && Number.isNaN(until.getTime()))) {
      usageError('give --since (and --until) as ISO times');
    }
    process.exitCode = await runReprocess({
      since,
      until,
      sourcePrefix: topicPrefix(),
      namespace: values.namespace,
      dryRun: values['dry-run'] ?? false,
      env: checkedEnv(),
      print: (line) => console.log(line),
      printError: (line) => console.error(line),
      progress: process.stderr,
    });
  } else if (command === 'serve') {
    const [, dir] = positionals;
    const numbers = {
      port: Number(values.port),
      step: Number(values.step),
      latency: Number(values.latency ?? 0),
      fail: Number(values.fail ?? 0),
      throttle: Number(values.throttle ?? 0),
      retryAfter: Number(values['retry-after'] ?? 30),
      drip: Number(values.drip ?? 0),
    };
    const rate = (n: number) => n >= 0 && n <= 1;
    if (
      !dir ||
      Object.values(numbers).some((n) => !Number.isFinite(n) || n < 0) ||
      !rate(numbers.fail) ||
      !rate(numbers.throttle) ||
      numbers.step <= 0
    ) {
      usageError('give a DIR, rates between 0 and 1 and numbers >= 0');
    }
    process.exitCode = await runServe({
      dir,
      host: values.host,
      port: numbers.port,
      timelineStepMs: values.timeline ? numbers.step * 1000 : undefined,
      faults: {
        latencyMs: numbers.latency,
        failRate: numbers.fail,
        throttleRate: numbers.throttle,
        retryAfterSeconds: numbers.retryAfter,
        dripBytesPerSecond: numbers.drip,
      },
      print: (line) => console.log(line),
      stopped: new Promise((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      }),
    });
  } else if (command === 'tail') {
    const [, topic] = positionals;
    const filters = (values.filter ?? []).map((f) => f.split('=', 2) as [string, string]);
    const since = values.since ? new Date(values.since) : undefined;
    if (!topic || filters.some((f) => f.length !== 2) || (since && Number.isNaN(since.getTime()))) {
      usageError('give a TOPIC, filters as k=v and --since as an ISO time');
    }
    process.exitCode = await runTail({
      kafka: kafkaClientSettings(clientConfig(), 'wire-tail'),
      topic: `${topicPrefix()}${topic}`,
      fromBeginning: values['from-beginning'] ?? false,
      since,
      filters,
      json: values.json ?? false,
      max: values.max ? Number(values.max) : undefined,
      idleMs: Number(values.idle) * 1000,
      print: (line) => console.log(line),
    });
  } else if (command === 'feeds') {
    process.exitCode = await runFeeds({
      redis: redisClientSettings(clientConfig()),
      prefix: values.prefix ?? clientConfig().WIRE_REDIS_PREFIX,
      json: values.json ?? false,
      print: (line) => console.log(line),
    });
  } else if (command === 'dlq') {
    const [, action, ...ids] = positionals;
    const dlq = {
      kafka: kafkaClientSettings(clientConfig(), 'wire-dlq'),
      topic: `${topicPrefix()}wire.dlq.v1`,
      json: values.json ?? false,
      print: (line: string) => console.log(line),
    };
    if (action === 'list') process.exitCode = await runDlqList(dlq);
    else if (action === 'show' && ids[0])
      process.exitCode = await runDlqShow({ ...dlq, id: ids[0] });
    else if (action === 'redrive' && (ids.length > 0 || values.reason)) {
      process.exitCode = await runDlqRedrive({ ...dlq, ids, reason: values.reason });
    } else {
      usageError('list | show ID | redrive ID... | redrive --reason CODE');
    }
  } else {
    console.error(`wire: unknown command "${command}"\n\n${mainHelp()}`);
    process.exit(2);
  }
} catch (err) {
  // Kafka or Redis refused or could not be reached: one line, not a stack.
  console.error(`wire ${command}: ${(err as Error).message}`);
  process.exitCode = 1;
}
