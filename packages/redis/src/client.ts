// Builds the ioredis client. While Redis is down, commands wait in the offline
// queue instead of failing: callers pause rather than drop work. Commands issued
// in the same tick go out in one write (auto-pipelining), so code that asks about
// every article of a document at once pays one round trip, not one per article.
// A rediss:// URL means TLS; an ACL user comes with the URL, its password apart.
// With Sentinels, the client asks them for the primary, and asks again when the
// connection drops or a failover is announced, so a service follows a new
// primary without a restart; REDIS_URL then gives only the scheme and the user.
import { readFileSync } from 'node:fs';
import { Redis, type RedisOptions } from 'ioredis';
import { RedisAdapterError } from './errors.js';

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
  /** The name the connection gives itself (CLIENT SETNAME): who it is in CLIENT LIST. */
  connectionName?: string | undefined;
  /** Ask these Sentinels (host:port) for the primary of the master `name`, instead of the URL's host. */
  sentinels?: { addresses: string[]; name: string } | undefined;
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
  if (settings.sentinels !== undefined) {
    const parsed = new URL(settings.url);
    if (parsed.username !== '') options.username = decodeURIComponent(parsed.username);
    if (options.password === undefined && parsed.password !== '')
      options.password = decodeURIComponent(parsed.password);
    options.sentinels = settings.sentinels.addresses.map((address) => {
      const at = address.lastIndexOf(':');
      return { host: address.slice(0, at), port: Number(address.slice(at + 1)) };
    });
    options.name = settings.sentinels.name;
    if (settings.url.startsWith('rediss:')) {
      options.tls ??= {};
      options.enableTLSForSentinelMode = true;
      options.sentinelTLS = options.tls;
    }
    // A failover announced by the Sentinels moves the connection at once, not at
    // the next error.
    options.failoverDetector = true;
  }
  return { url, options };
}

/**
 * A primary demoted by a failover answers writes with READONLY until the client
 * lets go of it: reconnect (asking the Sentinels again) and send the command again.
 */
function reconnectOnReadonly(err: Error): 2 | false {
  return err.message.startsWith('READONLY') ? 2 : false;
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
  const named: RedisOptions =
    settings.connectionName === undefined ? {} : { connectionName: settings.connectionName };
  const options: RedisOptions = settings.failFast
    ? {
        ...target.options,
        ...named,
        lazyConnect: true,
        enableAutoPipelining: true,
        maxRetriesPerRequest: 1,
        retryStrategy: () => null,
        sentinelRetryStrategy: () => null,
      }
    : {
        ...target.options,
        ...named,
        lazyConnect: true,
        enableAutoPipelining: true,
        maxRetriesPerRequest: null,
        enableOfflineQueue: true,
        // After a failover the Sentinels name the new primary within seconds:
        // ask again soon rather than back off to 5 s.
        retryStrategy: (attempt) =>
          Math.min(100 * 2 ** attempt, settings.sentinels !== undefined ? 1_000 : 5_000),
        sentinelRetryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 1_000),
        reconnectOnError: reconnectOnReadonly,
      };
  const client =
    settings.sentinels !== undefined ? new Redis(options) : new Redis(target.url, options);
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

/**
 * Waits until `replicas` replicas have every write this connection made so far
 * (Redis WAIT), or fails with REDIS_NOT_REPLICATED (transient: the run is done
 * again) after `timeoutMs`. Replication is asynchronous: a write only the primary
 * had is lost when a failover promotes a replica, so what must outlive a failover
 * is waited for before anything downstream relies on it. 0 replicas: nothing to wait for.
 */
export async function waitForReplicas(
  redis: Redis,
  replicas: number,
  timeoutMs: number,
): Promise<void> {
  if (replicas <= 0) return;
  const acknowledged = await redis.wait(replicas, timeoutMs);
  if (acknowledged < replicas) {
    const err = new RedisAdapterError('REDIS_NOT_REPLICATED', 'transient', {
      cause: new Error(`${acknowledged} of ${replicas} replicas within ${timeoutMs} ms`),
    });
    // The wait was the back-off: the run may be tried again at once, not after a
    // back-off grown over a failover's seconds.
    throw Object.assign(err, { retryDelayMs: 250 });
  }
}

/** A Redis URL fit for a message: everything but its password. */
export function redisUrlForDisplay(url: string): string {
  if (!URL.canParse(url)) return '(a Redis URL that does not parse)';
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = 'redacted';
  return parsed.toString();
}
