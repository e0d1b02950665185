// Kafka headers are bytes; wire's headers are all UTF-8 strings.
import type { IHeaders } from 'kafkajs';

export type StringHeaders = Record<string, string>;

export function toKafkaHeaders(headers: Record<string, string | undefined>): IHeaders {
  const out: IHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = value;
  }
  return out;
}

export function readHeaders(headers: IHeaders | undefined): StringHeaders {
  const out: StringHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[name] = first.toString();
  }
  return out;
}
