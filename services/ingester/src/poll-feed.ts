// One poll of one feed: fetch, skip what did not change, write the document to
// wire.raw.v1, and only after Kafka acknowledged it advance the feed's state.
import { createHash } from 'node:crypto';
import type { RawDocumentHeaders } from '@wire/schema';
import { type AddressRanges, parseAllowedRanges } from './address-guard.js';
import { type ActivityState, isStrangelyQuiet, recordChange } from './feed-activity.js';
import type { Feed } from './feed-registry.js';
import type { FeedState, FeedStateStore } from './feed-state.js';
import type { CacheHints, FetchFailureCode, FetchRequest, FetchResult } from './fetch-document.js';

export type PollOutcome = (
  | {
      kind: 'published';
      fetchId: string;
      sha256: string;
      bytes: number;
      newItems: number;
      gap: boolean;
    }
  | { kind: 'not-modified' }
  | { kind: 'unchanged'; sha256: string }
  | { kind: 'failed'; code: FetchFailureCode; reason: string; status?: number | undefined }
) & {
  /** What the server said about when to come back. */
  hints: CacheHints;
  /** Consecutive failures after this poll. */
  consecutiveFailures: number;
  /** The feed usually moves and has not for a strangely long time. */
  quiet?: boolean;
};

export interface PollDependencies {
  fetch(request: FetchRequest): Promise<FetchResult>;
  state: FeedStateStore;
  publishRaw(key: string, body: Buffer, headers: RawDocumentHeaders): Promise<void>;
  now(): Date;
  newFetchId(): string;
  /** The lease value this instance holds for the feed; state writes are fenced by it. */
  fence?: string;
  /** The feed's resolved request headers (see resolveFeedHeaders). */
  requestHeaders?: Record<string, string>;
  /** The ids of the items a document shows (guid, else link), for gaps and counts. */
  itemIds(body: Buffer, contentType: string): string[];
  /**
   * Queues the pages of a published document's items that need them (full text);
   * before the state moves on, so a failure here has the document published again.
   */
  queuePages?(body: Buffer, contentType: string): Promise<number>;
}

// A feed's allowed ranges, parsed once per registry entry rather than at every poll.
const allowedRanges = new WeakMap<Feed, AddressRanges>();
export function allowedRangesOf(feed: Feed): AddressRanges {
  let ranges = allowedRanges.get(feed);
  if (!ranges) {
    ranges = parseAllowedRanges(feed.allowAddresses);
    allowedRanges.set(feed, ranges);
  }
  return ranges;
}

export async function pollFeed(feed: Feed, deps: PollDependencies): Promise<PollOutcome> {
  const state = await deps.state.get(feed.id);
  const attemptedAt = deps.now().toISOString();
  const fetched = await deps.fetch({
    url: feed.url,
    etag: state.etag,
    lastModified: state.lastModified,
    allowed: allowedRangesOf(feed),
    headers: deps.requestHeaders,
  });
  const hints =
    fetched.kind === 'document' ? withFeedTtl(fetched.hints, fetched.body) : fetched.hints;

  if (fetched.kind === 'failed') {
    const consecutiveFailures = state.consecutiveFailures + 1;
    await deps.state.update(
      feed.id,
      {
        lastAttemptAt: attemptedAt,
        lastStatus: fetched.status ? String(fetched.status) : fetched.code,
        consecutiveFailures,
      },
      deps.fence,
    );
    return {
      kind: 'failed',
      code: fetched.code,
      reason: fetched.reason,
      status: fetched.status,
      hints,
      consecutiveFailures,
    };
  }
  const now = deps.now().getTime();
  const quiet = isStrangelyQuiet(activityOf(state), now, feed.intervalSeconds * 1000);
  const healthy = {
    lastAttemptAt: attemptedAt,
    lastSuccessAt: attemptedAt,
    consecutiveFailures: 0,
    quiet: quiet ? '1' : '0',
  };
  if (fetched.kind === 'not-modified') {
    await deps.state.update(feed.id, { ...healthy, lastStatus: '304' }, deps.fence);
    return { kind: 'not-modified', hints, consecutiveFailures: 0, quiet };
  }

  const sha256 = createHash('sha256').update(fetched.body).digest('hex');
  // Validators are replaced together: a validator the server stopped sending is dropped.
  const validators = { etag: fetched.etag ?? '', lastModified: fetched.lastModified ?? '' };
  if (sha256 === state.sha256) {
    await deps.state.update(
      feed.id,
      {
        ...healthy,
        ...validators,
        lastStatus: String(fetched.status),
      },
      deps.fence,
    );
    return { kind: 'unchanged', sha256, hints, consecutiveFailures: 0, quiet };
  }

  const fetchId = deps.newFetchId();
  await deps.publishRaw(feed.id, fetched.body, {
    'wire-feed-id': feed.id,
    'wire-agency': feed.agency,
    'wire-url': feed.url,
    'wire-fetch-id': fetchId,
    'wire-fetched-at': attemptedAt,
    'wire-http-status': String(fetched.status),
    'wire-content-type': fetched.contentType,
    'wire-etag': fetched.etag,
    'wire-last-modified': fetched.lastModified,
    'wire-sha256': sha256,
    'wire-format-hint': feed.format,
    'wire-language': feed.language,
    'wire-time-zone': feed.timeZone,
    'wire-identity': feed.identity,
    ...(feed.fullText !== 'never' && { 'wire-full-text': feed.fullText }),
  });
  await deps.queuePages?.(fetched.body, fetched.contentType);
  // Kafka has the document: now, and only now, the feed's state may move on.
  const activity = recordChange(
    activityOf(state),
    deps.itemIds(fetched.body, fetched.contentType),
    now,
  );
  await deps.state.update(
    feed.id,
    {
      ...healthy,
      ...validators,
      sha256,
      lastStatus: String(fetched.status),
      documentsPublished: state.documentsPublished + 1,
      quiet: '0',
      itemsSeen: activity.state.itemsSeen,
      gaps: activity.state.gaps,
      changes: activity.state.changes,
      lastChangedAt: activity.state.lastChangedAt,
      changeIntervalMs: activity.state.changeIntervalMs,
      lastItems: activity.state.lastItems.join(','),
    },
    deps.fence,
    { count: activity.newItems, at: now },
  );
  return {
    kind: 'published',
    newItems: activity.newItems,
    gap: activity.gap,
    fetchId,
    sha256,
    bytes: fetched.body.length,
    hints,
    consecutiveFailures: 0,
  };
}

function activityOf(state: FeedState): ActivityState {
  return {
    lastItems: state.lastItems ? state.lastItems.split(',') : [],
    itemsSeen: state.itemsSeen,
    gaps: state.gaps,
    changes: state.changes,
    ...(state.lastChangedAt !== undefined && { lastChangedAt: state.lastChangedAt }),
    ...(state.changeIntervalMs !== undefined && { changeIntervalMs: state.changeIntervalMs }),
  };
}

/** RSS <ttl> (minutes the feed may be cached) counts like Cache-Control max-age. */
function withFeedTtl(hints: CacheHints, body: Buffer): CacheHints {
  const minutes = Number(
    /<ttl>\s*(\d{1,6})\s*<\/ttl>/.exec(body.subarray(0, 64 * 1024).toString('latin1'))?.[1],
  );
  if (!Number.isFinite(minutes) || minutes <= 0) return hints;
  return { ...hints, freshForMs: Math.max(hints.freshForMs ?? 0, minutes * 60_000) };
}
