// The Kafka ceiling: the broker's own kafka-producer-perf-test (ProducerPerformance
// from the kafka-tools jar of the local stack) writing the same documents, acks=all.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@wire/testkit';

export interface ProducerCeiling {
  recordsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

const delimiter = '\u0001\u0002wire-bench\u0002\u0001';

function kafkaLibs(): string | undefined {
  const root = join(repoRoot, '.wire/kafka');
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root)
    .filter((name) => /^\d+\.\d+/.test(name))
    .sort()
    .at(-1);
  return version ? join(root, version, 'libs') : undefined;
}

export function producerPerfTestAvailable(): boolean {
  return kafkaLibs() !== undefined;
}

/** Parses ProducerPerformance's summary line: "N records sent, R records/sec (…), … 50th, … 99th, …". */
export function parsePerfSummary(output: string): ProducerCeiling {
  const line = output
    .split('\n')
    .filter((l) => l.includes('records sent'))
    .at(-1);
  const number = (pattern: RegExp) => Number(pattern.exec(line ?? '')?.[1]);
  const summary = {
    recordsPerSecond: number(/([\d.]+) records\/sec/),
    p50Ms: number(/(\d+) ms 50th/),
    p99Ms: number(/(\d+) ms 99th/),
  };
  if (!Number.isFinite(summary.recordsPerSecond))
    throw new Error(`no summary in kafka-producer-perf-test output: ${output.slice(-500)}`);
  return summary;
}

export function runProducerPerfTest(
  brokers: string,
  topic: string,
  documents: Buffer[],
  records: number,
): ProducerCeiling {
  const libs = kafkaLibs();
  if (!libs) throw new Error('no Kafka jars under .wire/kafka (run infra/stack.sh start)');
  const payloads = join(tmpdir(), `${topic}.payloads`);
  writeFileSync(payloads, documents.map((d) => d.toString('utf8')).join(delimiter));
  const run = spawnSync(
    'java',
    [
      '-cp',
      `${libs}/*`,
      'org.apache.kafka.tools.ProducerPerformance',
      '--topic',
      topic,
      '--num-records',
      String(records),
      '--throughput',
      '-1',
      '--payload-file',
      payloads,
      '--payload-delimiter',
      delimiter,
      '--producer-props',
      `bootstrap.servers=${brokers}`,
      'acks=all',
      'enable.idempotence=true',
      'max.block.ms=15000',
    ],
    { encoding: 'utf8', maxBuffer: 16 << 20, timeout: 180_000 },
  );
  if (run.status !== 0) throw new Error(`kafka-producer-perf-test failed: ${run.stderr}`);
  return parsePerfSummary(run.stdout);
}
