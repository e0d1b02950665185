// The README's first command ends in `wire demo`: the three services on the
// bundled Yonhap samples, then the lead story re-filed as (LEAD). Run here as a
// person runs it (the built CLI, its own process, plaintext to the local stack),
// so the front door is checked at every CI run, not only by hand.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, testBrokers, testRedisUrl } from '@wire/testkit';
import { describe, expect, it } from 'vitest';

const wireCli = join(repoRoot, 'apps/cli/dist/src/main.js');

function runDemo(): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [wireCli, 'demo', '--timeout', '90'],
      {
        env: {
          PATH: process.env.PATH ?? '',
          KAFKA_BROKERS: testBrokers.join(','),
          REDIS_URL: testRedisUrl,
        },
        timeout: 150_000,
      },
      (err, stdout, stderr) => {
        const status = err === null ? 0 : typeof err.code === 'number' ? err.code : null;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

describe('wire demo', () => {
  it('publishes the three sample stories, then the re-filed lead as an update of its story, and stops cleanly', {
    timeout: 180_000,
  }, async () => {
    const { status, stdout, stderr } = await runDemo();
    const events = stdout
      .split('\n')
      .map((line) => /^\s+(created|updated)\s+(\S+)/.exec(line))
      .filter((match) => match !== null)
      .map(([, type, uri]) => `${type} ${uri}`);
    expect(events.filter((e) => e.startsWith('created')).sort(), stderr).toEqual([
      'created urn:wire:yna:AEN202302010010',
      'created urn:wire:yna:AEN202302020041',
      'created urn:wire:yna:AEN202302030004',
    ]);
    // The (LEAD) re-file joins the story it continues, after its creation.
    expect(events.at(-1)).toBe('updated urn:wire:yna:AEN202302030004');
    expect(stdout).toContain('4 events published; services stopped with exit codes 0, 0, 0');
    expect(status).toBe(0);
  });
});
