// Builds the client, plaintext or TLS with SASL/SCRAM. kafkajs logs through a
// callback the service gives, so the adapter itself never decides what gets logged.
// Outside this package the client is opaque (KafkaClient): only the adapter's own
// functions use it, so no kafkajs type crosses the package's boundary.
import { readFileSync } from 'node:fs';
import { Kafka, type KafkaConfig, logLevel } from 'kafkajs';

export type KafkaLogLevel = 'error' | 'warn' | 'info' | 'debug';
export type KafkaLogSink = (level: KafkaLogLevel, message: string, extra: object) => void;

export interface KafkaClientSettings {
  brokers: string[];
  clientId: string;
  onLog?: KafkaLogSink | undefined;
  /** TLS to the brokers; `caFile` (PEM) replaces the system's trusted CAs. Absent: plaintext. */
  tls?: { caFile?: string | undefined } | undefined;
  /** SASL/SCRAM credentials; absent: no authentication. */
  sasl?: KafkaSaslSettings | undefined;
}

export interface KafkaSaslSettings {
  mechanism: 'scram-sha-256' | 'scram-sha-512';
  username: string;
  password: string;
}

const levels: Record<number, KafkaLogLevel> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

declare const kafkaClient: unique symbol;

/** A connection to one cluster, for the adapter's functions; opaque outside this package. */
export interface KafkaClient {
  readonly [kafkaClient]: true;
}

/** The kafkajs client behind a KafkaClient: for this package's modules (and its tests) only. */
export function kafkajsOf(client: KafkaClient): Kafka {
  return client as unknown as Kafka;
}

export function createKafkaClient(settings: KafkaClientSettings): KafkaClient {
  const sink = settings.onLog;
  const security: Pick<KafkaConfig, 'ssl' | 'sasl'> = {};
  if (settings.tls) {
    const caFile = settings.tls.caFile;
    security.ssl = caFile === undefined ? true : { ca: [readFileSync(caFile, 'utf8')] };
  }
  if (settings.sasl) {
    const { mechanism, username, password } = settings.sasl;
    // kafkajs types each mechanism apart: narrow the union once.
    security.sasl =
      mechanism === 'scram-sha-256'
        ? { mechanism, username, password }
        : { mechanism, username, password };
  }
  const kafka = new Kafka({
    ...security,
    clientId: settings.clientId,
    brokers: settings.brokers,
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 10_000 },
    logLevel: sink ? logLevel.INFO : logLevel.NOTHING,
    logCreator: () => (entry) => {
      const { message, ...extra } = entry.log;
      sink?.(levels[entry.level] ?? 'info', message, { ...extra, namespace: entry.namespace });
    },
  });
  return kafka as unknown as KafkaClient;
}
