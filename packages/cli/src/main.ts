#!/usr/bin/env node
// The wire command line. Reads KAFKA_BROKERS and REDIS_URL, defaulting to the
// local stack that infra/stack.sh starts.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runDemo } from './commands/demo.js';
import { runParse } from './commands/parse.js';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));

const usage = `usage: wire <command> [options]

commands:
  demo               run the whole pipeline on the bundled Yonhap sample feeds and
                     show the public events as they arrive (needs the local stack)
  parse FILE|URL     parse one document (RSS, RDF, Atom, NewsML-G2, NITF, NewsML 1.2)
                     and print one JSON line per article: {article, source, signal,
                     warnings}; warnings go to stderr; an unreadable document exits 1

options:
  -h, --help              show this help
  --timeout <sec>         demo: give up after this long (default 120)
  --content-type <type>   parse: the HTTP Content-Type to assume (its charset counts)
  --identity <strategy>   parse: guid | link | content | yonhap (default guid)
  --agency <id>           parse: the agency id used in story uris (default local)

environment:
  KAFKA_BROKERS     default 127.0.0.1:9092
  REDIS_URL         default redis://127.0.0.1:6379`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    help: { type: 'boolean', short: 'h' },
    timeout: { type: 'string', default: '120' },
    'content-type': { type: 'string' },
    identity: { type: 'string', default: 'guid' },
    agency: { type: 'string', default: 'local' },
  },
});

const [command] = positionals;
if (values.help || !command) {
  console.log(usage);
  process.exit(command || values.help ? 0 : 2);
}

if (command === 'demo') {
  process.exitCode = await runDemo({
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
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
} else {
  console.error(`wire: unknown command "${command}"\n\n${usage}`);
  process.exit(2);
}
