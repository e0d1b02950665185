import { describe, expect, it } from 'vitest';
import { applyEvent, createStoryDesk } from '../src/story-desk.js';

const event = (id: string, type: string, headline: string | null, uri = 'urn:wire:yna:1') => ({
  uri,
  headers: { ce_id: id, ce_type: `dev.wire.article.${type}.v1`, ce_revision: `r-${id}` },
  article: headline === null ? null : { headlines: [{ value: headline }] },
});

describe('a newsroom story desk fed with wire events', () => {
  it('keeps the latest version of each story and counts its versions', () => {
    const desk = createStoryDesk();
    expect(applyEvent(desk, event('a', 'created', 'First'))).toBe('new-story');
    expect(applyEvent(desk, event('b', 'updated', '(LEAD) First'))).toBe('new-version');
    expect(desk.stories.get('urn:wire:yna:1')).toMatchObject({
      headline: '(LEAD) First',
      versions: 2,
      withdrawn: false,
    });
  });

  it('recognises a repeated event id and changes nothing', () => {
    const desk = createStoryDesk();
    applyEvent(desk, event('a', 'created', 'First'));
    expect(applyEvent(desk, event('a', 'created', 'First'))).toBe('repeat');
    expect(desk.stories.get('urn:wire:yna:1')?.versions).toBe(1);
  });

  it('marks a story withdrawn and keeps its last headline for the record', () => {
    const desk = createStoryDesk();
    applyEvent(desk, event('a', 'created', 'First'));
    expect(applyEvent(desk, event('c', 'withdrawn', 'First'))).toBe('withdrawn');
    expect(desk.stories.get('urn:wire:yna:1')).toMatchObject({
      withdrawn: true,
      headline: 'First',
    });
  });

  it('leaves a story as it is for a superseded revision: a late correction after the kill', () => {
    const desk = createStoryDesk();
    applyEvent(desk, event('a', 'created', 'First'));
    applyEvent(desk, event('c', 'withdrawn', 'First'));
    expect(applyEvent(desk, event('b', 'superseded', 'First, corrected'))).toBe('ignored');
    expect(desk.stories.get('urn:wire:yna:1')).toMatchObject({
      withdrawn: true,
      headline: 'First',
      versions: 2,
    });
  });
});
