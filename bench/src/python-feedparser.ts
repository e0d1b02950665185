// Python's feedparser, the outside reference: installed from PyPI into a
// git-ignored venv under .tools/ on first use, then timed by
// bench/python/feedparser_bench.py on the same files.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@wire/testkit';
import type { CorpusGroup } from './corpus.js';
import type { RoundSettings } from './harness.js';

const feedparserVersion = '6.0.14';
const venv = join(repoRoot, '.tools/bench-venv');
const python = join(venv, 'bin/python');
const script = join(repoRoot, 'bench/python/feedparser_bench.py');

export interface PythonTiming {
  seconds: number;
  bytes: number;
  articles: number;
}

/** Creates the venv if it is missing; returns why it could not, or undefined. */
export function ensureFeedparser(): string | undefined {
  const installed = () =>
    existsSync(python) &&
    spawnSync(python, ['-c', 'import feedparser'], { stdio: 'ignore' }).status === 0;
  if (installed()) return undefined;
  const steps: [string, string[]][] = [
    ['python3', ['-m', 'venv', venv]],
    [join(venv, 'bin/pip'), ['install', '--quiet', `feedparser==${feedparserVersion}`]],
  ];
  for (const [command, args] of steps) {
    const run = spawnSync(command, args, { encoding: 'utf8' });
    if (run.status !== 0) return `${command} ${args.join(' ')} failed: ${run.stderr ?? run.error}`;
  }
  return installed() ? undefined : 'feedparser does not import after installing';
}

export function timeFeedparser(
  groups: CorpusGroup[],
  settings: RoundSettings,
): Record<string, PythonTiming> {
  const job = {
    groups: Object.fromEntries(groups.map((g) => [g.format, g.documents.map((d) => d.path)])),
    warmup: settings.warmupRounds,
    rounds: settings.rounds,
  };
  const run = spawnSync(python, [script], {
    input: JSON.stringify(job),
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`feedparser_bench.py failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, PythonTiming>;
}
