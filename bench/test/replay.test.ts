import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listReplayDocuments } from '@wire/cli';
import { parseDocument } from '@wire/feeds';
import { describe, expect, it } from 'vitest';
import { archivedFetches, writeArchive } from '../src/replay.js';

const pool = {
  headlines: ['Markets rally as rates hold steady', 'Storm closes ports along the coast'],
  paragraphs: ['First paragraph of a story.', 'Second paragraph of a story.', 'Third one.'],
};

const guidsOf = (body: Buffer) =>
  parseDocument(body, { feedId: 'f', fetchedAt: '2026-01-01T00:00:00Z' }).articles.map(
    (a) => a.source.guid,
  );

describe('the replay benchmark archive', () => {
  it('fetches the feeds in turn, each fetch one new item on top of the last', () => {
    const fetches = archivedFetches(pool, { documents: 7, feeds: 3, runId: 'r' });
    expect(fetches.map((f) => f.headers['wire-feed-id'])).toEqual([
      'bench-00000',
      'bench-00001',
      'bench-00002',
      'bench-00000',
      'bench-00001',
      'bench-00002',
      'bench-00000',
    ]);
    const first = guidsOf(fetches[0]?.body as Buffer);
    const second = guidsOf(fetches[3]?.body as Buffer);
    expect(second.slice(1)).toEqual(first.slice(0, -1));
    expect(first).not.toContain(second[0]);
  });

  it('is read by wire replay as an archive, every fetch in the order it happened', async () => {
    const fetches = archivedFetches(pool, { documents: 12, feeds: 4, runId: 'r' });
    const dir = mkdtempSync(join(tmpdir(), 'replay-bench-test-'));
    try {
      writeArchive(dir, fetches);
      const documents = await listReplayDocuments([dir], {
        feedId: 'unused',
        agency: 'unused',
        identity: 'guid',
        fetchedAt: new Date(0),
      });
      expect(documents.map((d) => d.headers['wire-fetch-id'])).toEqual(
        fetches.map((f) => f.headers['wire-fetch-id']),
      );
      expect(documents.every((d, i) => d.body.equals(fetches[i]?.body as Buffer))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
