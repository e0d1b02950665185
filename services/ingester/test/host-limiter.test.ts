import { describe, expect, it } from 'vitest';
import { createHostLimiter } from '../src/host-limiter.js';

describe('createHostLimiter', () => {
  it('runs at most N requests per host at once, and other hosts freely', async () => {
    const limiter = createHostLimiter(2);
    const running = new Map<string, number>();
    const peak = new Map<string, number>();
    const task = (host: string) =>
      limiter.run(host, async () => {
        running.set(host, (running.get(host) ?? 0) + 1);
        peak.set(host, Math.max(peak.get(host) ?? 0, running.get(host) ?? 0));
        await new Promise((r) => setTimeout(r, 20));
        running.set(host, (running.get(host) ?? 0) - 1);
        return host;
      });
    const results = await Promise.all([
      ...Array.from({ length: 7 }, () => task('a.example')),
      ...Array.from({ length: 3 }, () => task('b.example')),
    ]);
    expect(results.filter((h) => h === 'a.example')).toHaveLength(7);
    expect(peak.get('a.example')).toBe(2);
    expect(peak.get('b.example')).toBe(2);
  });

  it('frees the slot when the work fails', async () => {
    const limiter = createHostLimiter(1);
    await expect(limiter.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await limiter.run('a', async () => 'next')).toBe('next');
  });
});
