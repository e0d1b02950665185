// Each test gets its own topics, consumer groups and Redis keys.
import { randomBytes } from 'node:crypto';

export function uniqueNamespace(label: string): string {
  return `test-${label}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}.`;
}

export const testBrokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
export const testRedisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

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
