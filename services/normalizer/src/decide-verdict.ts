// The verdict on a new revision, from what the source says and whether the
// story was seen before.
import type { SourceSignal, Verdict } from '@wire/schema';

export function decideVerdict(signal: SourceSignal, storySeenBefore: boolean): Verdict {
  if (signal === 'kill') return 'withdrawn';
  if (signal === 'correction') return 'corrected';
  return storySeenBefore ? 'updated' : 'created';
}
