import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/index.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('writes JSON lines that name the service and carry child bindings', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ service: 'ingester', level: 'info' }, stream);
    logger.child({ feedId: 'yna-en' }).info('polled');
    expect(lines[0]).toMatchObject({ service: 'ingester', feedId: 'yna-en', msg: 'polled' });
  });

  it('redacts secrets in nested objects', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ service: 'ingester', level: 'info' }, stream);
    logger.info(
      { feed: { headers: { authorization: 'Bearer abc' } }, sasl: { password: 'p' } },
      'x',
    );
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain('Bearer abc');
    expect(text).not.toContain('"p"');
    expect(text).toContain('[redacted]');
  });

  it('respects the level', () => {
    const { lines, stream } = capture();
    createLogger({ service: 's', level: 'warn' }, stream).info('hidden');
    expect(lines).toHaveLength(0);
  });
});
