// One HTTP fetch of a feed with undici: conditional headers; one deadline for the
// whole exchange, body included (a slow drip cannot hang a worker); redirects
// followed by hand, at most 5, each hop's scheme and address checked again;
// gzip, deflate and br decompressed with the decompressed size capped while it
// streams; only http and https; the SSRF guard on every connection.
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import ipaddr from 'ipaddr.js';
import { Agent, request } from 'undici';
import {
  type AddressRanges,
  AddressRefusedError,
  addressAllowed,
  guardedLookup,
} from './address-guard.js';

export interface FetchRequest {
  url: string;
  etag?: string | undefined;
  lastModified?: string | undefined;
  /** Address ranges this feed may reach besides public addresses (registry: allowAddresses). */
  allowed: AddressRanges;
  /** The feed's own request headers (API keys); they never reach a log. */
  headers?: Record<string, string> | undefined;
  /** What the request accepts; feed formats unless said (an article page asks for HTML). */
  accept?: string | undefined;
  /** Asked before following a redirect to `url` (an article page: robots.txt there). */
  mayFollow?: ((url: string) => Promise<boolean>) | undefined;
}

/** What the server said about when to ask again. */
export interface CacheHints {
  /** Retry-After on 429 and 503, in ms from now. */
  retryAfterMs?: number;
  /** Cache-Control max-age, else Expires, in ms from now. */
  freshForMs?: number;
}

export type FetchFailureCode =
  | 'TIMEOUT'
  | 'TOO_LARGE'
  | 'ADDRESS_REFUSED'
  | 'TOO_MANY_REDIRECTS'
  | 'BAD_REDIRECT'
  | 'HTTP_ERROR'
  | 'BAD_ENCODING'
  | 'ROBOTS'
  | 'NETWORK';

export type FetchResult =
  | { kind: 'not-modified'; status: 304; finalUrl: string; hints: CacheHints }
  | {
      kind: 'document';
      status: number;
      body: Buffer;
      contentType: string;
      etag?: string | undefined;
      lastModified?: string | undefined;
      finalUrl: string;
      hints: CacheHints;
    }
  | { kind: 'failed'; code: FetchFailureCode; status?: number; reason: string; hints: CacheHints };

export interface FetchSettings {
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
  maxRedirects?: number;
  now?: () => number;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parseHints(
  status: number,
  headers: Record<string, string | string[] | undefined>,
  now: number,
): CacheHints {
  const hints: CacheHints = {};
  const retryAfter = header(headers['retry-after']);
  if (retryAfter && (status === 429 || status === 503)) {
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - now;
    if (Number.isFinite(ms) && ms > 0) hints.retryAfterMs = ms;
  }
  const maxAge = /(?:^|,)\s*max-age\s*=\s*(\d+)/i.exec(header(headers['cache-control']) ?? '')?.[1];
  const expires = Date.parse(header(headers.expires) ?? '');
  if (maxAge !== undefined) hints.freshForMs = Number(maxAge) * 1000;
  // "Expires: 0" and past dates mean nothing useful; only a future date counts.
  else if (Number.isFinite(expires) && expires > now) hints.freshForMs = expires - now;
  return hints;
}

function decoderFor(encoding: string | undefined) {
  switch ((encoding ?? 'identity').trim().toLowerCase()) {
    case 'identity':
    case '':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

class TooLargeError extends Error {}

async function readCapped(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      stream.destroy();
      throw new TooLargeError();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function createFetcher(settings: FetchSettings) {
  const agents = new Map<string, Agent>();
  const agentFor = (allowed: AddressRanges) => {
    const key = allowed.map(([range, bits]) => `${range.toString()}/${bits}`).join(',');
    let agent = agents.get(key);
    if (!agent) {
      agent = new Agent({ connect: { lookup: guardedLookup(allowed) } as object });
      agents.set(key, agent);
    }
    return agent;
  };
  const maxRedirects = settings.maxRedirects ?? 5;
  const now = settings.now ?? Date.now;

  async function fetchDocument(req: FetchRequest): Promise<FetchResult> {
    const signal = AbortSignal.timeout(settings.timeoutMs);
    let url = req.url;
    try {
      for (let hop = 0; ; hop++) {
        const target = new URL(url);
        if (target.protocol !== 'http:' && target.protocol !== 'https:') {
          return {
            kind: 'failed',
            code: 'BAD_REDIRECT',
            reason: `${target.protocol} is not http or https`,
            hints: {},
          };
        }
        // An address literal never goes through the lookup hook: check it here.
        const host = target.hostname.replace(/^\[|\]$/g, '');
        if (ipaddr.isValid(host) && !addressAllowed(host, req.allowed))
          throw new AddressRefusedError(host, host);
        const response = await request(url, {
          method: 'GET',
          signal,
          dispatcher: agentFor(req.allowed),
          headers: {
            ...req.headers,
            'user-agent': settings.userAgent,
            accept:
              req.accept ??
              'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
            'accept-encoding': 'gzip, deflate, br',
            ...(req.etag && { 'if-none-match': req.etag }),
            ...(req.lastModified && { 'if-modified-since': req.lastModified }),
          },
        });
        const hints = parseHints(response.statusCode, response.headers, now());
        const location = header(response.headers.location);
        if (redirectStatuses.has(response.statusCode) && location) {
          await response.body.dump();
          if (hop >= maxRedirects) {
            return {
              kind: 'failed',
              code: 'TOO_MANY_REDIRECTS',
              reason: `more than ${maxRedirects} redirects`,
              hints,
            };
          }
          url = new URL(location, url).toString();
          // The guard's own refusal of an address literal comes before asking the site.
          const next = new URL(url);
          const literal = next.hostname.replace(/^\[|\]$/g, '');
          const guarded = ipaddr.isValid(literal) && !addressAllowed(literal, req.allowed);
          if (!guarded && req.mayFollow && !(await req.mayFollow(url))) {
            return {
              kind: 'failed',
              code: 'ROBOTS',
              reason: `robots.txt disallows the redirect to ${next.origin}`,
              hints,
            };
          }
          continue;
        }
        if (response.statusCode === 304) {
          await response.body.dump();
          return { kind: 'not-modified', status: 304, finalUrl: url, hints };
        }
        if (response.statusCode < 200 || response.statusCode >= 300) {
          await response.body.dump();
          return {
            kind: 'failed',
            code: 'HTTP_ERROR',
            status: response.statusCode,
            reason: `HTTP ${response.statusCode}`,
            hints,
          };
        }
        const encoding = header(response.headers['content-encoding']);
        const decoder = decoderFor(encoding);
        if (decoder === null) {
          await response.body.dump();
          return {
            kind: 'failed',
            code: 'BAD_ENCODING',
            reason: `content-encoding ${encoding} is not supported`,
            hints,
          };
        }
        const stream = decoder ? response.body.pipe(decoder) : response.body;
        const body = await readCapped(stream, settings.maxBytes);
        return {
          kind: 'document',
          status: response.statusCode,
          body,
          contentType: header(response.headers['content-type']) ?? '',
          etag: header(response.headers.etag),
          lastModified: header(response.headers['last-modified']),
          finalUrl: url,
          hints,
        };
      }
    } catch (err) {
      if (err instanceof TooLargeError) {
        return {
          kind: 'failed',
          code: 'TOO_LARGE',
          reason: `body larger than ${settings.maxBytes} bytes`,
          hints: {},
        };
      }
      const cause = (err as { cause?: unknown }).cause;
      if (err instanceof AddressRefusedError || cause instanceof AddressRefusedError) {
        const refused = err instanceof AddressRefusedError ? err : (cause as AddressRefusedError);
        return { kind: 'failed', code: 'ADDRESS_REFUSED', reason: refused.message, hints: {} };
      }
      if (signal.aborted) {
        return {
          kind: 'failed',
          code: 'TIMEOUT',
          reason: `no complete answer within ${settings.timeoutMs} ms`,
          hints: {},
        };
      }
      if (
        (err as { code?: string }).code === 'Z_DATA_ERROR' ||
        (err as { code?: string }).code === 'ERR__ERROR_FORMAT_PADDING_1'
      ) {
        return { kind: 'failed', code: 'BAD_ENCODING', reason: (err as Error).message, hints: {} };
      }
      return { kind: 'failed', code: 'NETWORK', reason: (err as Error).message, hints: {} };
    }
  }

  return {
    fetchDocument,
    async close() {
      await Promise.all([...agents.values()].map((agent) => agent.close()));
    },
  };
}
