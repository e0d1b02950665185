// Makes sure the local Kafka and Redis answer, starting them with the project's
// script when they do not (a fresh clone after scripts/test.sh or demo.sh).
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from '@wire/testkit';

function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1_000 });
    socket.once('connect', () => resolve(socket.end() && true));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => resolve(socket.destroy() && false));
  });
}

export async function ensureStack(): Promise<void> {
  if ((await answers('127.0.0.1', 6379)) && (await answers('127.0.0.1', 9092))) return;
  const run = spawnSync('bash', [join(repoRoot, 'infra/stack.sh'), 'start'], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error('infra/stack.sh start failed');
}
