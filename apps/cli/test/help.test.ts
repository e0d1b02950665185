import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandHelp } from '../src/help.js';

// The built command line, as `pnpm wire` runs it.
const main = join(import.meta.dirname, '../dist/src/main.js');
const wire = (...args: string[]) =>
  spawnSync(process.execPath, [main, ...args], { encoding: 'utf8', timeout: 20_000 });

describe('wire --help', () => {
  it('lists every command', () => {
    const { status, stdout } = wire('--help');
    expect(status).toBe(0);
    for (const name of Object.keys(commandHelp))
      expect(stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it.each(Object.keys(commandHelp))('shows usage, options and examples for %s', (name) => {
    const { status, stdout } = wire(name, '--help');
    expect(status).toBe(0);
    expect(stdout).toContain(`usage: wire ${name}`);
    expect(stdout).toContain('options:');
    expect(stdout).toMatch(new RegExp(`examples:\\n {2}wire ${name}`));
  });

  it("answers a usage mistake with the reason and the command's help, exit 2", () => {
    const { status, stderr } = wire('serve', '/tmp', '--fail', '2');
    expect(status).toBe(2);
    expect(stderr).toMatch(/^wire serve: give a DIR, rates between 0 and 1/);
    expect(stderr).toContain('usage: wire serve DIR');
    expect(wire('nonsense').status).toBe(2);
  });
});
