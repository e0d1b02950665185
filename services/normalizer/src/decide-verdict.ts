// The verdict on a new revision, from what the source says and whether this
// revision is the one that made the story known.
import type { SourceSignal, Verdict } from '@wire/schema';

export function decideVerdict(signal: SourceSignal, createdStory: boolean): Verdict {
  if (signal === 'kill') return 'withdrawn';
  if (signal === 'correction') return 'corrected';
  return createdStory ? 'created' : 'updated';
}
