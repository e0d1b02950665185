// The one word the status page shows for a feed, from its health in Redis.
import type { FeedHealth } from './feed-health.js';

export type FeedCondition = 'ok' | 'failing' | 'backing off' | 'quiet' | 'never polled';

/** Answers that ask a client to come back later; the ingester honours their Retry-After. */
const throttled = new Set(['429', '503']);

/**
 * never polled: no attempt recorded. failing: the last polls failed (an error,
 * timeout or refused address). backing off: they failed because the server asked
 * us to wait (429, 503). quiet: answers, but a feed that usually moves has not for
 * three times its usual pace. ok: the last poll succeeded.
 */
export function feedConditionOf(health: FeedHealth | undefined): FeedCondition {
  if (!health?.lastAttemptAt) return 'never polled';
  if (health.consecutiveFailures > 0) {
    return health.status && throttled.has(health.status) ? 'backing off' : 'failing';
  }
  return health.quiet ? 'quiet' : 'ok';
}
