// Builds the ioredis client. While Redis is down, commands wait in the offline
// queue instead of failing: callers pause rather than drop work. Commands issued
// in the same tick go out in one write (auto-pipelining), so code that asks about
// every article of a document at once pays one round trip, not one per article.
// A rediss:// URL means TLS; an ACL user comes with the URL, its password apart.
import { readFileSync } from 'node:fs';
import { Redis, type RedisOptions } from 'ioredis';

export type { Redis } from 'ioredis';

export interface RedisClientSettings {
  url: string;
  /** Called on connection errors; the client keeps reconnecting. */
  onError?: (err: Error) => void;
  /**
   * For commands a person runs: give up at once when Redis cannot be reached,
   * instead of waiting for it as a service does.
   */
  failFast?: boolean | undefined;
  /** The password (of the URL's user, or of `default`); wins over one in the URL. */
  password?: string | undefined;
  /** With a rediss:// URL: a PEM file of the CA(s) to check the server against, instead of the system's. */
  tlsCaFile?: string | undefined;
}

/**
 * The URL ioredis parses and the options that must win over it: ioredis lets a URL's
 * (even empty) password override the options, so a separate password takes the
 * user out of the URL.
 */
function connectionTarget(settings: RedisClientSettings): { url: string; options: RedisOptions } {
  const options: RedisOptions = {};
  let url = settings.url;
  if (settings.password !== undefined) {
    const parsed = new URL(settings.url);
    if (parsed.username !== '') options.username = decodeURIComponent(parsed.username);
    options.password = settings.password;
    parsed.username = '';
    parsed.password = '';
    url = parsed.toString();
  }
  if (settings.tlsCaFile !== undefined && settings.url.startsWith('rediss:')) {
    options.tls = { ca: readFileSync(settings.tlsCaFile, 'utf8') };
  }
  return { url, options };
}

/**
 * ioredis's ReplyError carries the command and its arguments: those of a refused
 * AUTH or HELLO are the password, which must not reach a log.
 */
function withoutCredentials(err: Error): void {
  const command = (err as { command?: { name?: unknown; args?: unknown } }).command;
  if (command === undefined || typeof command.name !== 'string') return;
  if (['auth', 'hello'].includes(command.name.toLowerCase())) command.args = ['[redacted]'];
}

export async function connectRedis(settings: RedisClientSettings): Promise<Redis> {
  const target = connectionTarget(settings);
  const client = new Redis(
    target.url,
    settings.failFast
      ? {
          ...target.options,
          lazyConnect: true,
          enableAutoPipelining: true,
          maxRetriesPerRequest: 1,
          retryStrategy: () => null,
        }
      : {
          ...target.options,
          lazyConnect: true,
          enableAutoPipelining: true,
          maxRetriesPerRequest: null,
          enableOfflineQueue: true,
          retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 5_000),
        },
  );
  // ioredis rejects a failed connect with "Connection is closed."; the reason (a
  // refused password, an untrusted certificate) came as an error event before it.
  let reason: Error | undefined;
  client.on('error', (err: Error) => {
    withoutCredentials(err);
    reason = err;
    settings.onError?.(err);
  });
  try {
    await client.connect();
  } catch (err) {
    client.disconnect();
    throw reason ?? err;
  }
  return client;
}

/** A Redis URL fit for a message: everything but its password. */
export function redisUrlForDisplay(url: string): string {
  if (!URL.canParse(url)) return '(a Redis URL that does not parse)';
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = 'redacted';
  return parsed.toString();
}
