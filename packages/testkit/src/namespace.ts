// Each test gets its own topics, consumer groups and Redis keys.
import { randomBytes } from 'node:crypto';

export function uniqueNamespace(label: string): string {
  return `test-${label}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}.`;
}

export const testBrokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
export const testRedisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The environment a service needs to run in a test's namespace, against the test stack. */
export function pipelineEnv(ns: string): Record<string, string> {
  return {
    KAFKA_BROKERS: testBrokers.join(','),
    REDIS_URL: testRedisUrl,
    WIRE_TOPIC_PREFIX: ns,
    WIRE_REDIS_PREFIX: ns,
  };
}

export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  { timeoutMs = 30_000, what = 'condition' } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
