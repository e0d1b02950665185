// Builds the kafkajs client. kafkajs logs through a callback the service gives,
// so the adapter itself never decides what gets logged.
import { Kafka, logLevel } from 'kafkajs';

export type KafkaLogLevel = 'error' | 'warn' | 'info' | 'debug';
export type KafkaLogSink = (level: KafkaLogLevel, message: string, extra: object) => void;

export interface KafkaClientSettings {
  brokers: string[];
  clientId: string;
  onLog?: KafkaLogSink;
}

const levels: Record<number, KafkaLogLevel> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

export function createKafkaClient(settings: KafkaClientSettings): Kafka {
  const sink = settings.onLog;
  return new Kafka({
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
}
