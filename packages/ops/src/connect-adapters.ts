// The connections every service opens, with their events going to the service's
// logger: Redis (connection errors, while it keeps reconnecting) and the kafkajs
// client (its own log lines under component "kafka").
import { createKafkaClient, type Kafka } from '@wire/kafka';
import type { Logger } from '@wire/logging';
import { connectRedis, type Redis } from '@wire/redis';

export interface AdapterSettings {
  service: string;
  KAFKA_BROKERS: string[];
  KAFKA_CLIENT_ID?: string | undefined;
  REDIS_URL: string;
}

export async function connectAdapters(
  settings: AdapterSettings,
  logger: Logger,
): Promise<{ kafka: Kafka; redis: Redis }> {
  const redis = await connectRedis({
    url: settings.REDIS_URL,
    onError: (err) => logger.warn({ err }, 'redis connection error'),
  });
  const kafkaLog = logger.child({ component: 'kafka' });
  const kafka = createKafkaClient({
    brokers: settings.KAFKA_BROKERS,
    clientId: settings.KAFKA_CLIENT_ID ?? `wire-${settings.service}`,
    onLog: (level, msg, extra) => kafkaLog[level](extra, msg),
  });
  return { kafka, redis };
}
