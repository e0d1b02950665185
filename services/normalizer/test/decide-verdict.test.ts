import { describe, expect, it } from 'vitest';
import { decideVerdict } from '../src/index.js';

const fresh = { createdStory: false, killed: false, stale: false };

describe('decideVerdict', () => {
  it.each([
    ['none', { ...fresh, createdStory: true }, 'created'],
    ['update', fresh, 'updated'],
    ['correction', fresh, 'corrected'],
    ['kill', fresh, 'withdrawn'],
    // Older than the story's latest: not news, whatever the source says.
    ['correction', { ...fresh, stale: true }, 'superseded'],
    ['none', { ...fresh, createdStory: true, stale: true }, 'superseded'],
    // After the kill: the story stays withdrawn.
    ['correction', { ...fresh, killed: true }, 'superseded'],
    ['update', { ...fresh, killed: true }, 'superseded'],
    // A kill again (another agency message, a late kill) withdraws again.
    ['kill', { ...fresh, stale: true }, 'withdrawn'],
  ] as const)('gives a %s revision placed %j the verdict %s', (signal, placement, verdict) => {
    expect(decideVerdict(signal, placement)).toBe(verdict);
  });
});
