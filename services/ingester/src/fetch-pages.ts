// Full text (issue 16): the article pages of a feed's items, fetched on the
// ingester's own machinery (the SSRF guard on every hop, the per-host limit its
// feed shares, the size cap, one deadline) and written to wire.raw.v1 as
// documents that complete their item. A published document queues the items that
// need their page; each turn fetches the pages due. A page that failed for a while
// (timeout, 5xx, network) is tried again later, backing off; one refused for good
// (4xx, robots.txt, the guard, too large) is settled: its item stays a lead.
import { createHash } from 'node:crypto';
import { isLead } from '@wire/feeds/is-lead';
import type { RawDocumentHeaders } from '@wire/schema';
import type { AddressRanges } from './address-guard.js';
import { feedItemsOf } from './feed-items.js';
import type { Feed } from './feed-registry.js';
import type { FetchFailureCode, FetchRequest, FetchResult } from './fetch-document.js';
import type { PageQueue, QueuedPage } from './page-queue.js';
import type { RobotsRules } from './robots-rules.js';

/** What became of one page; `code` names a failure (a fetch failure code, or ROBOTS). */
export type PageOutcome =
  | { kind: 'published'; bytes: number }
  | { kind: 'refused' | 'retry'; code: FetchFailureCode; status?: number | undefined };

export interface PageFetchDependencies {
  fetch(request: FetchRequest): Promise<FetchResult>;
  robots: RobotsRules;
  queue: PageQueue;
  publishRaw(key: string, body: Buffer, headers: RawDocumentHeaders): Promise<void>;
  now(): Date;
  newFetchId(): string;
  allowed: AddressRanges;
  /** Pages fetched in one turn of the feed, at most. */
  maxPagesPerTurn: number;
  /** Longest wait before a failing page is tried again. */
  maxBackoffMs: number;
}

/**
 * The most an item's one-item document may weigh: it travels in a header of the page
 * record, and wire.raw.v1 leaves 64 KiB beside a document of the largest size. An
 * item that large holds its story anyway.
 */
export const maxItemDocumentBytes = 32 * 1024;

/** The items of a published document that need their page, queued; resolves how many were new. */
export async function queuePages(
  feed: Feed,
  body: Buffer,
  contentType: string,
  queue: PageQueue,
  now: number,
): Promise<number> {
  if (feed.fullText === 'never') return 0;
  const items = feedItemsOf(body, contentType).filter(
    (item) =>
      (feed.fullText === 'always' || isLead(item.leadText)) &&
      /^https?:\/\//i.test(item.link) &&
      URL.canParse(item.link) &&
      Buffer.byteLength(item.document) <= maxItemDocumentBytes,
  );
  return queue.add(
    feed.id,
    items.map((item) => ({
      itemId: item.id,
      link: item.link,
      document: item.document,
      attempts: 0,
      queuedAt: now,
      dueAt: now + feed.fullTextDelaySeconds * 1000,
    })),
  );
}

const acceptHtml = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

// Failures no later attempt mends: the page is not there, not ours to fetch, or too big.
function refusedForGood(result: Extract<FetchResult, { kind: 'failed' }>): boolean {
  if (result.code === 'HTTP_ERROR')
    return (
      result.status !== undefined && result.status < 500 && ![408, 429].includes(result.status)
    );
  return result.code !== 'TIMEOUT' && result.code !== 'NETWORK';
}

async function fetchPage(
  feed: Feed,
  page: QueuedPage,
  deps: PageFetchDependencies,
): Promise<PageOutcome> {
  if (!feed.licensed && !(await deps.robots.allows(page.link, deps.allowed)))
    return { kind: 'refused', code: 'ROBOTS' };
  const fetchedAt = deps.now().toISOString();
  const result = await deps.fetch({
    url: page.link,
    allowed: deps.allowed,
    accept: acceptHtml,
    // Where a redirect leads, robots.txt there has its say too.
    mayFollow: feed.licensed ? undefined : (url) => deps.robots.allows(url, deps.allowed),
  });
  if (result.kind === 'failed') {
    return {
      kind: refusedForGood(result) ? 'refused' : 'retry',
      code: result.code,
      status: result.status,
    };
  }
  // Never conditional: each item revision's page is fetched once.
  if (result.kind === 'not-modified') return { kind: 'retry', code: 'HTTP_ERROR', status: 304 };
  await deps.publishRaw(feed.id, result.body, {
    'wire-feed-id': feed.id,
    'wire-agency': feed.agency,
    'wire-url': result.finalUrl,
    'wire-fetch-id': deps.newFetchId(),
    'wire-fetched-at': fetchedAt,
    'wire-http-status': String(result.status),
    'wire-content-type': result.contentType,
    'wire-etag': result.etag,
    'wire-last-modified': result.lastModified,
    'wire-sha256': createHash('sha256').update(result.body).digest('hex'),
    'wire-format-hint': feed.format,
    'wire-language': feed.language,
    'wire-time-zone': feed.timeZone,
    'wire-identity': feed.identity,
    'wire-full-text': feed.fullText,
    'wire-item-id': page.itemId,
    'wire-item-link': page.link,
    'wire-item-document': page.document,
    'wire-full-text-selector': feed.fullTextSelector,
  });
  return { kind: 'published', bytes: result.body.length };
}

/** The feed's pages due now, fetched one after another within the host's limit. */
export async function fetchDuePages(
  feed: Feed,
  deps: PageFetchDependencies,
): Promise<PageOutcome[]> {
  if (feed.fullText === 'never') return [];
  const now = deps.now().getTime();
  const due = await deps.queue.due(feed.id, now, deps.maxPagesPerTurn);
  return Promise.all(
    due.map(async (page) => {
      const outcome = await fetchPage(feed, page, deps);
      if (outcome.kind === 'retry') {
        const attempts = page.attempts + 1;
        const backoff = Math.min(deps.maxBackoffMs, 30_000 * 2 ** Math.min(attempts - 1, 20));
        await deps.queue.retry(feed.id, { ...page, attempts, dueAt: now + backoff });
      } else {
        await deps.queue.settle(
          feed.id,
          page.key,
          outcome.kind === 'published' ? 'published' : outcome.code,
        );
      }
      return outcome;
    }),
  );
}
