// Kafka headers are bytes; wire's headers are all UTF-8 strings.
export type StringHeaders = Record<string, string>;

/** Headers as they go out: each value text or bytes. */
export type RecordHeaders = Record<string, string | Buffer>;

export function toKafkaHeaders(headers: Record<string, string | undefined>): RecordHeaders {
  const out: RecordHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** Headers as they come in: bytes (or text), a name possibly repeated. */
export type IncomingHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

export function readHeaders(headers: IncomingHeaders | undefined): StringHeaders {
  const out: StringHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[name] = first.toString();
  }
  return out;
}
