// The one pino root logger of a process. Components take children of it
// (`logger.child({ component })`); secrets are redacted wherever they appear.
import { type Logger, type LoggerOptions, pino } from 'pino';

export type { Logger } from 'pino';

export const redactedPaths = [
  'password',
  'token',
  'secret',
  'authorization',
  '*.password',
  '*.token',
  '*.secret',
  '*.authorization',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.sasl.password',
  // The common settings' secrets, should a configuration object be logged.
  'KAFKA_SASL_PASSWORD',
  'REDIS_PASSWORD',
  '*.KAFKA_SASL_PASSWORD',
  '*.REDIS_PASSWORD',
  // A Redis URL may carry a password: it keeps everything else.
  'REDIS_URL',
  '*.REDIS_URL',
];

/** What a redacted value becomes: a URL loses only its password. */
function censor(value: unknown, path: string[]): unknown {
  if (path.at(-1) === 'REDIS_URL' && typeof value === 'string') {
    if (!URL.canParse(value)) return '[redacted]';
    const url = new URL(value);
    if (url.password !== '') url.password = 'redacted';
    return url.toString();
  }
  return '[redacted]';
}

export interface LoggerSettings {
  service: string;
  level: string;
  /** Human-readable output; defaults to on when stdout is a terminal. */
  pretty?: boolean | undefined;
}

export function createLogger(
  settings: LoggerSettings,
  destination?: pino.DestinationStream,
): Logger {
  const options: LoggerOptions = {
    name: settings.service,
    level: settings.level,
    base: { service: settings.service, pid: process.pid },
    redact: { paths: redactedPaths, censor },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: pino.stdSerializers.err },
  };
  if (destination) return pino(options, destination);
  const pretty = settings.pretty ?? process.stdout.isTTY === true;
  if (pretty) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true } } });
  }
  return pino(options);
}
