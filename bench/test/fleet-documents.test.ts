import { describe, expect, it } from 'vitest';
import {
  changed,
  changingInRound,
  etagOf,
  feedId,
  firstVersion,
  itemsPerFeed,
  renderFeed,
} from '../src/fleet-documents.js';

const pool = {
  headlines: ['Markets rally as rates hold steady', 'Storm closes ports along the coast'],
  paragraphs: ['First paragraph of a story.', 'Second paragraph of a story.', 'Third one.'],
};

describe('a fleet feed', () => {
  it('starts with its items newest first', () => {
    expect(firstVersion(3).items).toEqual([4, 3, 2, 1, 0]);
    expect(firstVersion(3).items).toHaveLength(itemsPerFeed);
  });

  it('gains one new item and drops the oldest when it changes', () => {
    const next = changed(firstVersion(3));
    expect(next.items).toEqual([5, 4, 3, 2, 1]);
    expect(next.version).toBe(1);
  });

  it('gets a new ETag with each change, unique across feeds', () => {
    const feed = firstVersion(3);
    expect(etagOf(changed(feed))).not.toBe(etagOf(feed));
    expect(etagOf(firstVersion(4))).not.toBe(etagOf(feed));
  });

  it('renders the same bytes for the same version, and new ones after a change', () => {
    const feed = firstVersion(7);
    const body = renderFeed(feed, pool, 'run1').toString();
    expect(renderFeed(feed, pool, 'run1').toString()).toBe(body);
    expect(renderFeed(changed(feed), pool, 'run1').toString()).not.toBe(body);
    expect(body).toContain('<guid isPermaLink="false">run1-7-4</guid>');
    expect(body.match(/<item>/g)).toHaveLength(itemsPerFeed);
  });

  it('has an id the feed registry accepts', () => {
    expect(feedId(42)).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
  });
});

describe('changingInRound', () => {
  it('changes the given share of the feeds', () => {
    expect(changingInRound(0, 1_000, 0.02)).toHaveLength(20);
  });

  it('moves along, so every feed changes before any changes twice', () => {
    const seen = new Set<number>();
    for (let round = 0; round < 50; round++) {
      for (const i of changingInRound(round, 1_000, 0.02)) seen.add(i);
    }
    expect(seen.size).toBe(1_000);
    expect(changingInRound(50, 1_000, 0.02)).toEqual(changingInRound(0, 1_000, 0.02));
  });

  it('changes at least one feed however small the share', () => {
    expect(changingInRound(0, 10, 0.001)).toEqual([0]);
  });
});
