// The verdict on a new revision, from what the source says and where the story
// ledger placed it. A revision ranked below the story's latest, or after its kill,
// is never news: it goes out as superseded, a type that a consumer switching on
// created, updated, corrected and withdrawn ignores.
import type { SourceSignal, Verdict } from '@wire/schema';
import type { RevisionPlacement } from './story-ledger.js';

export function decideVerdict(
  signal: SourceSignal,
  placement: Pick<RevisionPlacement, 'createdStory' | 'killed' | 'stale'>,
): Verdict {
  if (signal === 'kill') return 'withdrawn';
  if (placement.killed || placement.stale) return 'superseded';
  if (signal === 'correction') return 'corrected';
  return placement.createdStory ? 'created' : 'updated';
}
