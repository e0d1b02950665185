import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, commonSettings, loadConfig } from '../src/index.js';

const schema = z.object({ ...commonSettings });

describe('KAFKA_CLIENT and INSTANCE_ID', () => {
  it('default to kafkajs and this host and process', () => {
    const config = loadConfig(schema, {});
    expect(config.KAFKA_CLIENT).toBe('kafkajs');
    expect(config.INSTANCE_ID).toMatch(new RegExp(`-${process.pid}$`));
  });

  it('take platformatic, and an instance name', () => {
    const config = loadConfig(schema, {
      KAFKA_CLIENT: 'platformatic',
      INSTANCE_ID: 'normalizer-1',
    });
    expect(config.KAFKA_CLIENT).toBe('platformatic');
    expect(config.INSTANCE_ID).toBe('normalizer-1');
  });

  it('refuse a library the adapter does not have', () => {
    expect(() => loadConfig(schema, { KAFKA_CLIENT: 'rdkafka' })).toThrow(ConfigError);
    expect(() => loadConfig(schema, { KAFKA_CLIENT: 'rdkafka' })).toThrow(/KAFKA_CLIENT/);
  });
});
