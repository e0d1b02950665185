// The connections every service opens, with their events going to the service's
// logger: Redis (connection errors, while it keeps reconnecting) and the Kafka
// client (its own log lines under component "kafka"), over the library
// KAFKA_CLIENT names. TLS and credentials come from the common settings; none
// set means plaintext, as on the local stack. The commands people run (`wire
// ...`, `pnpm topics`) build their clients with the same two functions.
import {
  createKafkaClient,
  type KafkaClient,
  type KafkaClientSettings,
  type TopicReplication,
} from '@wire/kafka';
import type { Logger } from '@wire/logging';
import { connectRedis, type Redis, type RedisClientSettings } from '@wire/redis';

/** Where Kafka and Redis are and how to authenticate to them (the common settings' part). */
export interface ConnectionSettings {
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
  /** With REDIS_SENTINEL_NAME: ask these Sentinels for the primary instead of REDIS_URL's host. */
  REDIS_SENTINELS?: string[] | undefined;
  REDIS_SENTINEL_NAME?: string | undefined;
  /** 1 and 1 when unset (the single-node stack). */
  KAFKA_REPLICATION_FACTOR?: number | undefined;
  KAFKA_MIN_INSYNC_REPLICAS?: number | undefined;
}

export interface AdapterSettings extends ConnectionSettings {
  service: string;
  /** Names the Redis connection `wire-<service>-<INSTANCE_ID>` in CLIENT LIST. */
  INSTANCE_ID?: string | undefined;
}

/** The Kafka client's settings: brokers, library, TLS and SASL; KAFKA_CLIENT_ID wins over `clientId`. */
export function kafkaClientSettings(
  settings: ConnectionSettings,
  clientId: string,
): KafkaClientSettings {
  return {
    brokers: settings.KAFKA_BROKERS,
    clientId: settings.KAFKA_CLIENT_ID ?? clientId,
    library: settings.KAFKA_CLIENT,
    ...kafkaSecurity(settings),
  };
}

/** The Redis client's settings: the URL (with its user), password, CA file and Sentinels. */
export function redisClientSettings(settings: ConnectionSettings): RedisClientSettings {
  const { REDIS_SENTINELS: sentinels, REDIS_SENTINEL_NAME: name } = settings;
  return {
    url: settings.REDIS_URL,
    ...redisSecurity(settings),
    ...(sentinels !== undefined &&
      name !== undefined && { sentinels: { addresses: sentinels, name } }),
  };
}

/** The replication of the topics wire creates (KAFKA_REPLICATION_FACTOR, KAFKA_MIN_INSYNC_REPLICAS). */
export function topicReplication(
  settings: Pick<ConnectionSettings, 'KAFKA_REPLICATION_FACTOR' | 'KAFKA_MIN_INSYNC_REPLICAS'>,
): TopicReplication {
  return {
    factor: settings.KAFKA_REPLICATION_FACTOR ?? 1,
    minInsync: settings.KAFKA_MIN_INSYNC_REPLICAS ?? 1,
  };
}

/** The TLS and SASL part of the kafkajs client's settings (the config checked they go together). */
export function kafkaSecurity(
  settings: Omit<ConnectionSettings, 'KAFKA_BROKERS' | 'REDIS_URL'>,
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
  settings: Pick<ConnectionSettings, 'REDIS_PASSWORD' | 'REDIS_TLS_CA_FILE'>,
): Pick<RedisClientSettings, 'password' | 'tlsCaFile'> {
  return { password: settings.REDIS_PASSWORD, tlsCaFile: settings.REDIS_TLS_CA_FILE };
}

export async function connectAdapters(
  settings: AdapterSettings,
  logger: Logger,
): Promise<{ kafka: KafkaClient; redis: Redis }> {
  const redis = await connectRedis({
    ...redisClientSettings(settings),
    connectionName: `wire-${settings.service}-${settings.INSTANCE_ID ?? process.pid}`.replace(
      /[^\w.-]/g,
      '_',
    ),
    onError: (err) => logger.warn({ err }, 'redis connection error'),
  });
  const kafkaLog = logger.child({ component: 'kafka' });
  const kafka = createKafkaClient({
    ...kafkaClientSettings(settings, `wire-${settings.service}`),
    onLog: (level, msg, extra) => kafkaLog[level](extra, msg),
  });
  return { kafka, redis };
}
