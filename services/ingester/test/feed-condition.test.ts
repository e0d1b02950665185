import { describe, expect, it } from 'vitest';
import { feedConditionOf } from '../src/feed-condition.js';
import type { FeedHealth } from '../src/feed-health.js';

const health = (changes: Partial<FeedHealth>): FeedHealth => ({
  feed: 'f',
  consecutiveFailures: 0,
  documentsPublished: 0,
  itemsSeen: 0,
  gaps: 0,
  quiet: false,
  pagesPublished: 0,
  pagesFailed: 0,
  itemsPerHour: [],
  ...changes,
});
const polled = { lastAttemptAt: '2026-11-28T10:00:00.000Z' };

describe('the state of a feed', () => {
  it('is "never polled" without state or without an attempt', () => {
    expect(feedConditionOf(undefined)).toBe('never polled');
    expect(feedConditionOf(health({}))).toBe('never polled');
  });

  it('is "ok" when the last poll succeeded', () => {
    expect(feedConditionOf(health({ ...polled, status: '200' }))).toBe('ok');
    expect(feedConditionOf(health({ ...polled, status: '304' }))).toBe('ok');
  });

  it('is "failing" after errors, timeouts and refusals', () => {
    expect(feedConditionOf(health({ ...polled, status: '500', consecutiveFailures: 1 }))).toBe(
      'failing',
    );
    expect(feedConditionOf(health({ ...polled, status: 'TIMEOUT', consecutiveFailures: 7 }))).toBe(
      'failing',
    );
  });

  it('is "backing off" when the server asked us to wait (429, 503)', () => {
    expect(feedConditionOf(health({ ...polled, status: '429', consecutiveFailures: 1 }))).toBe(
      'backing off',
    );
    expect(feedConditionOf(health({ ...polled, status: '503', consecutiveFailures: 3 }))).toBe(
      'backing off',
    );
  });

  it('is "quiet" when it answers but has gone strangely still, and failing wins over quiet', () => {
    expect(feedConditionOf(health({ ...polled, status: '304', quiet: true }))).toBe('quiet');
    expect(
      feedConditionOf(health({ ...polled, status: '500', quiet: true, consecutiveFailures: 2 })),
    ).toBe('failing');
  });
});
