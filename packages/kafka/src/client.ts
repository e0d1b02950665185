// Builds the client, plaintext or TLS with SASL/SCRAM, over one of two libraries:
// kafkajs (the default) or @platformatic/kafka, which can send the consumer
// group's metadata with a transaction's offsets (KIP-447). With platformatic, the
// producers and the exactly-once loop use it; the admin calls and the plain
// readers (ensureTopics, createOffsetReader, consumeTopic, readRange,
// startRecordConsumer) still go through kafkajs, which every client holds.
// kafkajs logs through a callback the service gives, so the adapter itself never
// decides what gets logged. Outside this package the client is opaque
// (KafkaClient): only the adapter's own functions use it, so no type of either
// library crosses the package's boundary.
import { readFileSync } from 'node:fs';
import type { BaseOptions } from '@platformatic/kafka';
import { Kafka, type KafkaConfig, logLevel } from 'kafkajs';

export type KafkaLogLevel = 'error' | 'warn' | 'info' | 'debug';
export type KafkaLogSink = (level: KafkaLogLevel, message: string, extra: object) => void;

/** The library behind the adapter. */
export type KafkaLibrary = 'kafkajs' | 'platformatic';

export const kafkaLibraries: readonly KafkaLibrary[] = ['kafkajs', 'platformatic'];

export interface KafkaClientSettings {
  brokers: string[];
  clientId: string;
  /** Which library the producers and the exactly-once loop use (default kafkajs). */
  library?: KafkaLibrary | undefined;
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

/** What a KafkaClient holds, for this package's modules only. */
interface ClientState {
  library: KafkaLibrary;
  kafkajs: Kafka;
  settings: KafkaClientSettings;
}

const stateOf = (client: KafkaClient) => client as unknown as ClientState;

/**
 * The kafkajs client behind a KafkaClient, whichever library the client was made
 * for (admin calls and plain readers use it): for this package's modules (and its
 * tests) only.
 */
export function kafkajsOf(client: KafkaClient): Kafka {
  return stateOf(client).kafkajs;
}

/** Which library the client's producers and loop use. */
export function libraryOf(client: KafkaClient): KafkaLibrary {
  return stateOf(client).library;
}

/** The log sink the service gave, if any. */
export function logSinkOf(client: KafkaClient): KafkaLogSink | undefined {
  return stateOf(client).settings.onLog;
}

/**
 * The connection options of a @platformatic/kafka client of this cluster: the
 * same brokers, TLS and SASL, and about the same timeouts and retries as kafkajs.
 */
export function platformaticOptions(client: KafkaClient): BaseOptions {
  const { settings } = stateOf(client);
  const options: BaseOptions = {
    clientId: settings.clientId,
    bootstrapBrokers: settings.brokers,
    connectTimeout: 3_000,
    requestTimeout: 30_000,
    retries: 5,
    retryDelay: 500,
  };
  if (settings.tls) {
    const caFile = settings.tls.caFile;
    options.tls = caFile === undefined ? {} : { ca: [readFileSync(caFile, 'utf8')] };
  }
  if (settings.sasl) {
    const { mechanism, username, password } = settings.sasl;
    options.sasl = {
      mechanism: mechanism === 'scram-sha-256' ? 'SCRAM-SHA-256' : 'SCRAM-SHA-512',
      username,
      password,
    };
  }
  return options;
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
    // A retry at most every second: when a broker of a cluster dies, its
    // partitions have new leaders within seconds, and a back-off grown to 10 s (as
    // before), or 2 s, kept a send waiting that long after they had. 45 retries:
    // about 45 s in all.
    retry: { initialRetryTime: 300, retries: 45, maxRetryTime: 1_000 },
    logLevel: sink ? logLevel.INFO : logLevel.NOTHING,
    logCreator: () => (entry) => {
      const { message, ...extra } = entry.log;
      sink?.(levels[entry.level] ?? 'info', message, { ...extra, namespace: entry.namespace });
    },
  });
  const state: ClientState = { library: settings.library ?? 'kafkajs', kafkajs: kafka, settings };
  return state as unknown as KafkaClient;
}
