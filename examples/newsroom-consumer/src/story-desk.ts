// What a newsroom system keeps from wire's public events: the latest version of
// each story, keyed by its uri. Events carry a deterministic id (ce_id), so a
// repeat is recognised; ce_type says created, updated, corrected or withdrawn, and
// superseded for a revision older than the story's latest or after its kill, which
// a desk leaves alone.
export interface ArticleEvent {
  /** The record key: the story uri. */
  uri: string;
  headers: Record<string, string>;
  /** The ninjs article, or null for a tombstone. */
  article: { headlines?: { value: string }[]; version?: string } | null;
}

export interface Story {
  uri: string;
  headline: string;
  revision: string;
  versions: number;
  withdrawn: boolean;
}

export interface StoryDesk {
  stories: Map<string, Story>;
  seenEventIds: Set<string>;
}

export type Applied = 'new-story' | 'new-version' | 'withdrawn' | 'repeat' | 'ignored';

export function createStoryDesk(): StoryDesk {
  return { stories: new Map(), seenEventIds: new Set() };
}

export function applyEvent(desk: StoryDesk, event: ArticleEvent): Applied {
  const id = event.headers.ce_id ?? '';
  if (desk.seenEventIds.has(id)) return 'repeat';
  desk.seenEventIds.add(id);
  const known = desk.stories.get(event.uri);
  // Not news: an older revision, or one after the kill. The story stays as it is.
  if (event.headers.ce_type?.includes('.superseded.')) return 'ignored';
  if (event.headers.ce_type?.includes('.withdrawn.')) {
    desk.stories.set(event.uri, {
      uri: event.uri,
      headline: known?.headline ?? event.article?.headlines?.[0]?.value ?? '',
      revision: event.headers.ce_revision ?? '',
      versions: (known?.versions ?? 0) + 1,
      withdrawn: true,
    });
    return 'withdrawn';
  }
  desk.stories.set(event.uri, {
    uri: event.uri,
    headline: event.article?.headlines?.[0]?.value ?? known?.headline ?? '',
    revision: event.headers.ce_revision ?? '',
    versions: (known?.versions ?? 0) + 1,
    withdrawn: known?.withdrawn ?? false,
  });
  return known ? 'new-version' : 'new-story';
}
