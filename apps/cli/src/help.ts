// The help texts: `wire --help` lists the commands, `wire <command> --help` shows
// one command's usage, options and examples.

const environment = `environment (read and checked as the services read them):
  KAFKA_BROKERS       default 127.0.0.1:9092
  REDIS_URL           default redis://127.0.0.1:6379; rediss://USER@HOST:PORT for TLS
                      and an ACL user
  KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD[_FILE],
  KAFKA_TLS, KAFKA_TLS_CA_FILE, REDIS_PASSWORD[_FILE], REDIS_TLS_CA_FILE
                      TLS and credentials (docs/operations.md#security)
  WIRE_TOPIC_PREFIX   prefix of topic names (as the services use it)
  WIRE_REDIS_PREFIX   prefix of Redis keys, default wire:`;

interface CommandHelp {
  summary: string;
  usage: string;
  options: string;
  examples: string[];
}

export const commandHelp: Record<string, CommandHelp> = {
  demo: {
    summary: 'the whole pipeline on the bundled Yonhap sample feeds (needs the local stack)',
    usage: 'wire demo [--timeout SEC]',
    options: '  --timeout <sec>         give up after this long (default 120)',
    examples: ['wire demo'],
  },
  parse: {
    summary: 'one document through the normalizer: one JSON line per article it would publish',
    usage: 'wire parse FILE|URL [--identity STRATEGY] [--agency ID] [--content-type TYPE]',
    options: `  --identity <strategy>   guid | link | content | yonhap (default guid)
  --agency <id>           the agency id in story uris (default local)
  --content-type <type>   the HTTP Content-Type to assume (its charset counts)
  --language <code>       language, when the document does not say
  --time-zone <zone>      IANA zone of dates written without one (e.g. Asia/Seoul),
                          as the feed registry's timeZone
Runs the normalizer's own stage logic with fresh in-memory state, so it prints
{article, source, signal, verdict, warnings} for each article exactly as the
pipeline would publish it for a document it has not seen. Warnings go to stderr;
a dead letter (the document, or an item) is printed there with its reason and
exits 1.`,
    examples: [
      'wire parse ../shared/samples/yonhap-g2-v2-correction.xml --agency yna',
      'wire parse https://en.yna.co.kr/RSS/news.xml --identity yonhap --agency yna',
    ],
  },
  replay: {
    summary: 'recorded documents through the normalizer and publisher logic',
    usage: 'wire replay PATH... [--dry-run] [--namespace NS] [--speed N] [file options]',
    options: `  --dry-run               print the Kafka records instead of writing them, one JSON
                          line each: {"topic", "key", "headers", "value"}; needs only
                          Redis, whose state is thrown away unless --namespace is given
  --namespace <ns>        topic and Redis prefix of the run (default: the services')
  --speed <n>             space archived fetches as they were recorded, n times faster
  --at <time>             the time the replay runs at (ISO; default now): the fetch
                          time of plain files and the time of dead letters
plain files (archived fetches carry their own):
  --feed-id <id>          feed id (default replay)
  --agency <id>           agency id in story uris (default local)
  --identity <strategy>   guid | link | content | yonhap (default guid)
  --language <code>       language, when the document does not say
  --time-zone <zone>      IANA zone of dates written without one (e.g. Asia/Seoul)
  --content-type <type>   the HTTP Content-Type to assume
PATH is a file, a folder (its .xml .rss .atom .rdf .nitf .newsml .g2 files by name,
recursively) or the ingester's ARCHIVE_DIR (its fetches in the order they happened).
A progress bar shows on a terminal; the summary table goes to stderr.`,
    examples: [
      'wire replay ../shared/samples --dry-run --identity yonhap --agency yna',
      'wire replay .wire/archive --speed 60',
      'wire replay feed-v1.xml feed-v2.xml --namespace try-1. --agency afp',
    ],
  },
  reprocess: {
    summary: 'wire.raw.v1 from a point in time normalized again into a sandbox',
    usage: 'wire reprocess --since TIME [--until TIME] [--namespace NS] [--dry-run]',
    options: `  --since <time>          the first raw record's time (ISO)
  --until <time>          records before this time (default: the end when it starts)
  --namespace <ns>        the sandbox's topic and Redis prefix (default
                          reprocess-<time>.); its Redis state starts empty
  --dry-run               print the records instead of writing them
  --prefix <p>            the topic prefix of the pipeline whose raw topic is read
Every record it writes carries wire-replay: reprocess and wire-replay-since.`,
    examples: [
      'wire reprocess --since 2026-11-28T09:00:00Z',
      'wire tail news.articles.v1 --prefix reprocess-20261128t101500. --from-beginning',
    ],
  },
  serve: {
    summary: 'a local feed server for files, or feeds that change over time, with faults',
    usage: 'wire serve DIR [--port P] [--timeline [--step SEC]] [fault options]',
    options: `  --port <n>              the port (default 8080; 0 picks a free one)
  --host <addr>           the address to listen on (default 127.0.0.1)
  --timeline              each subfolder of DIR is one feed at /<subfolder>; its
                          files in name order are the feed's snapshots over time
  --step <sec>            seconds from one snapshot to the next (default 30)
faults:
  --latency <ms>          wait this long before each answer
  --fail <rate>           answer this share of requests (0-1) with 500
  --throttle <rate>       answer this share of requests with 429 and Retry-After
  --retry-after <sec>     the Retry-After of --throttle (default 30)
  --drip <bytes/s>        send bodies this slowly
Files are read again on every request: ETag is a hash of the bytes, Last-Modified
the file's mtime (a snapshot's start with --timeline); If-None-Match and
If-Modified-Since get 304. Each request is logged on stdout.`,
    examples: [
      'wire serve ../shared/samples --port 8080',
      'wire serve recorded/ --timeline --step 10 --fail 0.1 --latency 200',
    ],
  },
  tail: {
    summary: 'article events as readable lines or JSON, live or from a point in time',
    usage: 'wire tail TOPIC [--from-beginning | --since TIME] [--filter k=v]... [--json]',
    options: `  --from-beginning        from the oldest record instead of from now
  --since <time>          records at or after this ISO time
  --filter <k=v>          only records whose key (key=...) or header matches; repeatable
  --json                  one JSON object per record
  --max <n>               stop after n records
  --idle <sec>            stop after this long without a record (default: follow)
  --prefix <p>            the WIRE_TOPIC_PREFIX of a run`,
    examples: [
      'wire tail news.articles.v1 --from-beginning --filter ce_agency=yna',
      'wire tail news.articles.v1 --since 2026-11-28T09:00:00Z --json --max 10',
    ],
  },
  feeds: {
    summary: "every feed's health from Redis: status, last success, failures, items",
    usage: 'wire feeds [--json] [--prefix P]',
    options: `  --json                  one JSON object per feed
  --prefix <p>            the WIRE_REDIS_PREFIX of a run`,
    examples: ['wire feeds', 'wire feeds --json'],
  },
  dlq: {
    summary: 'dead letters: list, show, and redrive after a fix',
    usage: 'wire dlq list | show ID | redrive ID... | redrive --reason CODE',
    options: `  --json                  list: one JSON object per dead letter
  --reason <code>         redrive: every dead letter with this reason
  --prefix <p>            the WIRE_TOPIC_PREFIX of a run
IDs are partition:offset on wire.dlq.v1. A redrive sends the original bytes and
headers back to the topic in wire-dlq-source-topic, marked wire-redriven-from.`,
    examples: ['wire dlq list', 'wire dlq show 0:12', 'wire dlq redrive --reason XML_MALFORMED'],
  },
};

export function mainHelp(): string {
  const width = Math.max(...Object.keys(commandHelp).map((name) => name.length));
  const commands = Object.entries(commandHelp)
    .map(([name, help]) => `  ${name.padEnd(width)}  ${help.summary}`)
    .join('\n');
  return `usage: wire <command> [options]

commands:
${commands}

Run wire <command> --help for its options and examples.

${environment}`;
}

export function helpFor(command: string): string | undefined {
  const help = commandHelp[command];
  if (!help) return undefined;
  const examples = help.examples.map((example) => `  ${example}`).join('\n');
  return `usage: ${help.usage}

${help.summary}

options:
${help.options}

examples:
${examples}

${environment}`;
}
