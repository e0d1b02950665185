// One HTTP fetch of a feed with undici: conditional headers, one deadline for the
// whole exchange (a slow drip cannot hang a worker), a cap on the body size.
import { request } from 'undici';

export interface FetchRequest {
  url: string;
  etag?: string | undefined;
  lastModified?: string | undefined;
}

export type FetchResult =
  | { kind: 'not-modified'; status: 304 }
  | {
      kind: 'document';
      status: number;
      body: Buffer;
      contentType: string;
      etag?: string | undefined;
      lastModified?: string | undefined;
    }
  | { kind: 'failed'; status?: number; reason: string };

export interface FetchSettings {
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export async function fetchDocument(
  req: FetchRequest,
  settings: FetchSettings,
): Promise<FetchResult> {
  const signal = AbortSignal.timeout(settings.timeoutMs);
  try {
    const response = await request(req.url, {
      method: 'GET',
      signal,
      headers: {
        'user-agent': settings.userAgent,
        accept:
          'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
        ...(req.etag && { 'if-none-match': req.etag }),
        ...(req.lastModified && { 'if-modified-since': req.lastModified }),
      },
    });
    if (response.statusCode === 304) {
      await response.body.dump();
      return { kind: 'not-modified', status: 304 };
    }
    if (response.statusCode < 200 || response.statusCode >= 300) {
      await response.body.dump();
      return { kind: 'failed', status: response.statusCode, reason: `HTTP ${response.statusCode}` };
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += (chunk as Buffer).length;
      if (size > settings.maxBytes) {
        response.body.destroy();
        return {
          kind: 'failed',
          status: response.statusCode,
          reason: `body larger than ${settings.maxBytes} bytes`,
        };
      }
      chunks.push(chunk as Buffer);
    }
    return {
      kind: 'document',
      status: response.statusCode,
      body: Buffer.concat(chunks),
      contentType: header(response.headers['content-type']) ?? '',
      etag: header(response.headers.etag),
      lastModified: header(response.headers['last-modified']),
    };
  } catch (err) {
    const reason = signal.aborted
      ? `no complete answer within ${settings.timeoutMs} ms`
      : (err as Error).message;
    return { kind: 'failed', reason };
  }
}
