import { describe, expect, it } from 'vitest';
import { createAfterCommitOverlap } from '../src/after-commit-overlap.js';

describe('after-commit work beside the next run', () => {
  it('starts the work at once, before the caller goes on', () => {
    const overlap = createAfterCommitOverlap();
    const sent: string[] = [];
    overlap.start(async () => {
      // What a store sends before it first awaits: out before the next run asks anything.
      sent.push('done marker');
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    sent.push('next run');
    expect(sent).toEqual(['done marker', 'next run']);
  });

  it('waits for the work at settle and tells how long it waited', async () => {
    const overlap = createAfterCommitOverlap();
    let ended = false;
    overlap.start(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      ended = true;
    });
    const waited = await overlap.settle();
    expect(ended).toBe(true);
    expect(waited).toBeGreaterThan(0.03);
    expect(await overlap.settle()).toBeLessThan(0.03);
  });

  it('throws what the work failed with at the next settle, once, and no unhandled rejection meanwhile', async () => {
    const overlap = createAfterCommitOverlap();
    overlap.start(async () => {
      throw new Error('index write failed');
    });
    overlap.start(() => {
      throw new Error('thrown before any await');
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(overlap.settle()).rejects.toThrow('index write failed');
    await expect(overlap.settle()).resolves.toBeGreaterThanOrEqual(0);
  });
});
