import { describe, expect, it } from 'vitest';
import { redisUrlForDisplay } from '../src/index.js';

describe('redisUrlForDisplay', () => {
  it('keeps everything of a Redis URL but its password', () => {
    expect(redisUrlForDisplay('rediss://wire:s3cret@127.0.0.1:6380/0')).toBe(
      'rediss://wire:redacted@127.0.0.1:6380/0',
    );
    expect(redisUrlForDisplay('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
    expect(redisUrlForDisplay('not a url s3cret')).not.toContain('s3cret');
  });
});
