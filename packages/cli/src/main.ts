#!/usr/bin/env node
// The wire command line. Reads KAFKA_BROKERS and REDIS_URL, defaulting to the
// local stack that infra/stack.sh starts.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runDemo } from './commands/demo.js';
import { runDlqList, runDlqRedrive, runDlqShow } from './commands/dlq.js';
import { runFeeds } from './commands/feeds.js';
import { runParse } from './commands/parse.js';
import { runTail } from './commands/tail.js';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));

const usage = `usage: wire <command> [options]

commands:
  demo               run the whole pipeline on the bundled Yonhap sample feeds and
                     show the public events as they arrive (needs the local stack)
  parse FILE|URL     parse one document (RSS, RDF, Atom, NewsML-G2, NITF, NewsML 1.2)
                     and print one JSON line per article: {article, source, signal,
                     warnings}; warnings go to stderr; an unreadable document exits 1
  tail TOPIC         article events as lines: partition:offset, verdict, key,
                     headline (or --json); follows until Ctrl-C
  feeds              every feed's health from Redis: status, last success,
                     failures, items, gaps, quiet, which instance polls it
  dlq list           the dead letters: id (partition:offset), stage, reason, feed
  dlq show ID        one dead letter: its headers and original bytes
  dlq redrive ID...  send dead letters back to the topic they came from
                     (or --reason CODE for all with that reason)

options:
  -h, --help              show this help
  --timeout <sec>         demo: give up after this long (default 120)
  --content-type <type>   parse: the HTTP Content-Type to assume (its charset counts)
  --identity <strategy>   parse: guid | link | content | yonhap (default guid)
  --agency <id>           parse: the agency id used in story uris (default local)
  --from-beginning        tail: from the oldest record instead of from now
  --since <time>          tail: records at or after this ISO time
  --filter <k=v>          tail: only records whose key (key=...) or header matches;
                          repeatable, e.g. --filter ce_agency=yna
  --json                  tail, feeds, dlq list: one JSON object per line
  --max <n>               tail: stop after n records
  --idle <sec>            tail: stop after this long without a record
  --reason <code>         dlq redrive: every dead letter with this reason
  --prefix <p>            the WIRE_TOPIC_PREFIX / WIRE_REDIS_PREFIX of a run

environment:
  KAFKA_BROKERS       default 127.0.0.1:9092
  REDIS_URL           default redis://127.0.0.1:6379
  WIRE_TOPIC_PREFIX   prefix of topic names (as the services use it)
  WIRE_REDIS_PREFIX   prefix of Redis keys, default wire:`;

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
  },
});

const [command] = positionals;
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const topicPrefix = values.prefix ?? process.env.WIRE_TOPIC_PREFIX ?? '';
if (values.help || !command) {
  console.log(usage);
  process.exit(command || values.help ? 0 : 2);
}

if (command === 'demo') {
  process.exitCode = await runDemo({
    brokers,
    redisUrl,
    samplesDir: join(repoRoot, 'samples/yonhap'),
    workDir: join(repoRoot, '.wire/demo'),
    timeoutMs: Number(values.timeout) * 1000,
    print: (line) => console.log(line),
  });
} else if (command === 'parse') {
  const [, target] = positionals;
  const identity = values.identity;
  if (!target || !['guid', 'link', 'content', 'yonhap'].includes(identity)) {
    console.error(`wire parse: give one FILE or URL and a valid --identity\n\n${usage}`);
    process.exit(2);
  }
  process.exitCode = await runParse({
    target,
    contentType: values['content-type'],
    identity: identity as 'guid' | 'link' | 'content' | 'yonhap',
    agency: values.agency,
    print: (line) => console.log(line),
    printError: (line) => console.error(line),
  });
} else if (command === 'tail') {
  const [, topic] = positionals;
  const filters = (values.filter ?? []).map((f) => f.split('=', 2) as [string, string]);
  const since = values.since ? new Date(values.since) : undefined;
  if (!topic || filters.some((f) => f.length !== 2) || (since && Number.isNaN(since.getTime()))) {
    console.error(`wire tail: give a TOPIC, filters as k=v and --since as an ISO time\n\n${usage}`);
    process.exit(2);
  }
  process.exitCode = await runTail({
    brokers,
    topic: `${topicPrefix}${topic}`,
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
    redisUrl,
    prefix: values.prefix ?? process.env.WIRE_REDIS_PREFIX ?? 'wire:',
    json: values.json ?? false,
    print: (line) => console.log(line),
  });
} else if (command === 'dlq') {
  const [, action, ...ids] = positionals;
  const dlq = {
    brokers,
    topic: `${topicPrefix}wire.dlq.v1`,
    json: values.json ?? false,
    print: (line: string) => console.log(line),
  };
  if (action === 'list') process.exitCode = await runDlqList(dlq);
  else if (action === 'show' && ids[0]) process.exitCode = await runDlqShow({ ...dlq, id: ids[0] });
  else if (action === 'redrive' && (ids.length > 0 || values.reason)) {
    process.exitCode = await runDlqRedrive({ ...dlq, ids, reason: values.reason });
  } else {
    console.error(`wire dlq: list | show ID | redrive ID... | redrive --reason CODE\n\n${usage}`);
    process.exit(2);
  }
} else {
  console.error(`wire: unknown command "${command}"\n\n${usage}`);
  process.exit(2);
}
