import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, commonSettings, loadConfig, resolveFileVariables } from '../src/index.js';

const schema = z.object({
  KAFKA_BROKERS: commonSettings.KAFKA_BROKERS,
  LOG_LEVEL: commonSettings.LOG_LEVEL,
  SECRET: z.string().min(1),
});

describe('loadConfig', () => {
  it('applies defaults and splits the broker list', () => {
    const config = loadConfig(schema, { KAFKA_BROKERS: 'a:9092, b:9093', SECRET: 's' });
    expect(config.KAFKA_BROKERS).toEqual(['a:9092', 'b:9093']);
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('lists every problem at once', () => {
    try {
      loadConfig(schema, { KAFKA_BROKERS: 'nohost', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems;
      expect(problems).toHaveLength(3);
      expect(problems.join()).toMatch(/KAFKA_BROKERS/);
      expect(problems.join()).toMatch(/LOG_LEVEL/);
      expect(problems.join()).toMatch(/SECRET/);
    }
  });
});

describe('resolveFileVariables', () => {
  const files: Record<string, string> = { '/run/secrets/s': 'from-file\n' };
  const read = (path: string) => {
    const content = files[path];
    if (content === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
    return content;
  };

  it('reads NAME_FILE into NAME without the trailing newline', () => {
    expect(resolveFileVariables({ SECRET_FILE: '/run/secrets/s' }, ['SECRET'], read).SECRET).toBe(
      'from-file',
    );
  });

  it('lets an explicit NAME win over NAME_FILE', () => {
    const env = { SECRET: 'direct', SECRET_FILE: '/run/secrets/s' };
    expect(resolveFileVariables(env, ['SECRET'], read).SECRET).toBe('direct');
  });

  it('reports an unreadable file as a config problem', () => {
    expect(() => resolveFileVariables({ SECRET_FILE: '/nope' }, ['SECRET'], read)).toThrow(
      /SECRET_FILE.*ENOENT/,
    );
  });

  it('ignores variables the service does not know, even unreadable *_FILE ones', () => {
    const env = { TF_CLI_CONFIG_FILE: '/root/.terraformrc', SECRET: 's', HOME: '/root' };
    expect(resolveFileVariables(env, ['SECRET'], read)).toEqual({ SECRET: 's' });
  });
});
