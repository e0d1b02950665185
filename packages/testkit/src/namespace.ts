// Each test gets its own topics, consumer groups and Redis keys.
import { randomBytes } from 'node:crypto';

export function uniqueNamespace(label: string): string {
  return `test-${label}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}.`;
}

export const testBrokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
export const testRedisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The three brokers of `infra/stack.sh start --cluster`. */
export const clusterBrokers = ['127.0.0.1:19092', '127.0.0.1:19093', '127.0.0.1:19094'];
/** Its Redis Sentinels, watching the master `wire` (6391 or 6392). */
export const clusterSentinels = ['127.0.0.1:26391', '127.0.0.1:26392', '127.0.0.1:26393'];
export const clusterRedisPorts = [6391, 6392];

/**
 * What a service needs, besides pipelineEnv, to run against the local cluster:
 * its three brokers, replicated topics and Redis through the Sentinels.
 */
export function clusterEnv(): Record<string, string> {
  return {
    KAFKA_BROKERS: clusterBrokers.join(','),
    KAFKA_REPLICATION_FACTOR: '3',
    KAFKA_MIN_INSYNC_REPLICAS: '2',
    REDIS_SENTINELS: clusterSentinels.join(','),
    REDIS_SENTINEL_NAME: 'wire',
  };
}

/** The Kafka library the services under test use: KAFKA_CLIENT of the test's environment. */
export const testKafkaClient = kafkaClientOf(process.env.KAFKA_CLIENT);

function kafkaClientOf(value: string | undefined): 'kafkajs' | 'platformatic' {
  if (value === undefined || value === '' || value === 'kafkajs') return 'kafkajs';
  if (value === 'platformatic') return value;
  throw new Error(`KAFKA_CLIENT: kafkajs or platformatic, not ${value}`);
}

/**
 * The environment a service needs to run in a test's namespace, against the test
 * stack, with the Kafka library the test run names (KAFKA_CLIENT, kafkajs unset).
 */
export function pipelineEnv(ns: string): Record<string, string> {
  return {
    KAFKA_BROKERS: testBrokers.join(','),
    KAFKA_CLIENT: testKafkaClient,
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
