// `wire tail TOPIC`: article events as readable lines (or raw JSON), from now, from
// the beginning or from a time, optionally filtered on the key or headers.
import {
  type ConsumedMessage,
  consumeTopic,
  createKafkaClient,
  type KafkaClientSettings,
} from '@wire/kafka';
import { formatEventLine } from '../event-line.js';

export interface TailSettings {
  kafka: KafkaClientSettings;
  topic: string;
  fromBeginning: boolean;
  /** Only records at or after this time (implies reading from the beginning). */
  since?: Date | undefined;
  /** key=value pairs matched against the record key ("key") or its headers. */
  filters: [string, string][];
  json: boolean;
  max?: number | undefined;
  /** Stop after this long without a record; 0 follows forever. */
  idleMs: number;
  print: (line: string) => void;
}

export function matches(message: ConsumedMessage, filters: [string, string][]): boolean {
  return filters.every(
    ([name, value]) => (name === 'key' ? message.key : message.headers[name]) === value,
  );
}

export function toJsonLine(message: ConsumedMessage): string {
  let value: unknown = null;
  if (message.value) {
    try {
      value = JSON.parse(message.value.toString('utf8'));
    } catch {
      value = { base64: message.value.toString('base64') };
    }
  }
  const { topic, partition, offset, timestamp, key, headers } = message;
  return JSON.stringify({
    topic,
    partition,
    offset,
    timestamp: new Date(Number(timestamp)).toISOString(),
    key,
    headers,
    value,
  });
}

export async function runTail(settings: TailSettings): Promise<number> {
  const kafka = createKafkaClient(settings.kafka);
  const since = settings.since?.getTime();
  let printed = 0;
  await consumeTopic(kafka, settings.topic, {
    fromBeginning: settings.fromBeginning || since !== undefined,
    idleMs: settings.idleMs,
    onMessage: (message) => {
      if (since !== undefined && Number(message.timestamp) < since) return false;
      if (!matches(message, settings.filters)) return false;
      settings.print(
        settings.json
          ? toJsonLine(message)
          : `${message.partition}:${message.offset}  ${formatEventLine(message)}`,
      );
      printed++;
      return settings.max !== undefined && printed >= settings.max;
    },
  });
  return 0;
}
