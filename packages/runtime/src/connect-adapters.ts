// The connections every service opens, with their events going to the service's
// logger: Redis (connection errors, while it keeps reconnecting) and the Kafka
// client (its own log lines under component "kafka"), over the library
// KAFKA_CLIENT names. TLS and credentials come from the common settings; none
// set means plaintext, as on the local stack.
import { createKafkaClient, type KafkaClient, type KafkaClientSettings } from '@wire/kafka';
import type { Logger } from '@wire/logging';
import { connectRedis, type Redis, type RedisClientSettings } from '@wire/redis';

export interface AdapterSettings {
  service: string;
  KAFKA_BROKERS: string[];
  KAFKA_CLIENT_ID?: string | undefined;
  /** kafkajs when unset. */
  KAFKA_CLIENT?: 'kafkajs' | 'platformatic' | undefined;
  KAFKA_SASL_MECHANISM?: 'scram-sha-256' | 'scram-sha-512' | undefined;
  KAFKA_SASL_USERNAME?: string | undefined;
  KAFKA_SASL_PASSWORD?: string | undefined;
  KAFKA_TLS?: boolean | undefined;
  KAFKA_TLS_CA_FILE?: string | undefined;
  REDIS_URL: string;
  REDIS_PASSWORD?: string | undefined;
  REDIS_TLS_CA_FILE?: string | undefined;
}

/** The TLS and SASL part of the kafkajs client's settings (the config checked they go together). */
export function kafkaSecurity(
  settings: Omit<AdapterSettings, 'service' | 'KAFKA_BROKERS' | 'REDIS_URL'>,
): Pick<KafkaClientSettings, 'tls' | 'sasl'> {
  const security: Pick<KafkaClientSettings, 'tls' | 'sasl'> = {};
  if (settings.KAFKA_TLS === true || settings.KAFKA_TLS_CA_FILE !== undefined) {
    security.tls = { caFile: settings.KAFKA_TLS_CA_FILE };
  }
  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: username } = settings;
  const password = settings.KAFKA_SASL_PASSWORD;
  if (mechanism !== undefined && username !== undefined && password !== undefined) {
    security.sasl = { mechanism, username, password };
  }
  return security;
}

/** The password and TLS part of the Redis client's settings. */
export function redisSecurity(
  settings: Pick<AdapterSettings, 'REDIS_PASSWORD' | 'REDIS_TLS_CA_FILE'>,
): Pick<RedisClientSettings, 'password' | 'tlsCaFile'> {
  return { password: settings.REDIS_PASSWORD, tlsCaFile: settings.REDIS_TLS_CA_FILE };
}

export async function connectAdapters(
  settings: AdapterSettings,
  logger: Logger,
): Promise<{ kafka: KafkaClient; redis: Redis }> {
  const redis = await connectRedis({
    url: settings.REDIS_URL,
    ...redisSecurity(settings),
    onError: (err) => logger.warn({ err }, 'redis connection error'),
  });
  const kafkaLog = logger.child({ component: 'kafka' });
  const kafka = createKafkaClient({
    brokers: settings.KAFKA_BROKERS,
    clientId: settings.KAFKA_CLIENT_ID ?? `wire-${settings.service}`,
    library: settings.KAFKA_CLIENT,
    ...kafkaSecurity(settings),
    onLog: (level, msg, extra) => kafkaLog[level](extra, msg),
  });
  return { kafka, redis };
}
