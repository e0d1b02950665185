// Runs a built service (services/<name>/dist/src/main.js) as a child process, the
// way production runs it, keeping its recent log lines and optionally a log file.
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const keptLines = 2_000;

export type ServiceName = 'ingester' | 'normalizer' | 'publisher';

export interface ServiceProcess {
  name: ServiceName;
  /** The most recent log lines (JSON, one per line). */
  logs: string[];
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
  /** Sends a signal (SIGKILL, SIGSTOP, SIGCONT...) as a fault would. */
  signal(name: NodeJS.Signals): void;
  /** Resolves when the process has exited, with its code or signal. */
  exited: Promise<number | null>;
}

export interface ServiceProcessOptions {
  env: Record<string, string>;
  logFile?: string;
}

export function startServiceProcess(
  name: ServiceName,
  options: ServiceProcessOptions,
): ServiceProcess {
  const main = join(repoRoot, 'services', name, 'dist/src/main.js');
  const child: ChildProcess = spawn(process.execPath, [...serviceNodeOptions(name), main], {
    env: { PATH: process.env.PATH ?? '', LOG_PRETTY: 'false', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const file = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
  const logs: string[] = [];
  const collect = (chunk: Buffer) => {
    file?.write(chunk);
    logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (logs.length > keptLines) logs.splice(0, logs.length - keptLines);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      file?.end();
      resolve(code);
    }),
  );
  return {
    name,
    logs,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    signal(name) {
      if (child.exitCode === null && child.signalCode === null) child.kill(name);
    },
    exited,
  };
}

/**
 * The V8 heap a service is sized for, from its package.json (`wire.nodeOptions`),
 * as its container image runs it too (infra/docker/Dockerfile): see
 * docs/operations.md, "Memory".
 */
export function serviceNodeOptions(name: ServiceName): string[] {
  const manifest = JSON.parse(
    readFileSync(join(repoRoot, 'services', name, 'package.json'), 'utf8'),
  ) as { wire?: { nodeOptions?: string[] } };
  return manifest.wire?.nodeOptions ?? [];
}

/**
 * The whole pipeline as processes: the publisher and the normalizer first, so
 * the first documents the ingester writes find their readers.
 */
export function startPipelineProcesses(
  env: Record<string, string>,
  feedsFile: string,
): ServiceProcess[] {
  return [
    startServiceProcess('publisher', { env }),
    startServiceProcess('normalizer', { env }),
    startServiceProcess('ingester', { env: { ...env, FEEDS_FILE: feedsFile } }),
  ];
}
