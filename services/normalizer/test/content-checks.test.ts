import type { RawDocumentHeaders } from '@wire/schema';
import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '../src/index.js';
import { memoryDependencies } from './memory-dependencies.js';

const headers: RawDocumentHeaders = {
  'wire-feed-id': 'test-feed',
  'wire-agency': 'test',
  'wire-url': 'http://127.0.0.1/feed.xml',
  'wire-fetch-id': 'f1',
  'wire-fetched-at': '2026-12-01T10:00:00.000Z',
  'wire-http-status': '200',
  'wire-content-type': 'application/xml',
  'wire-sha256': 'a'.repeat(64),
  'wire-identity': 'guid',
};

async function normalize(xml: string) {
  const { deps, published, deadLetters } = memoryDependencies();
  const { summary } = await normalizeDocument(
    { value: Buffer.from(xml), headers: headers as Record<string, string>, deliveryId: 'd1' },
    deps,
  );
  return { summary, published, deadLetters };
}

const story =
  '<p>North Korea held a military parade rehearsal ahead of the army anniversary, satellite images showed.</p>' +
  '<p>The rehearsal involved thousands of troops and was seen at a training ground near Pyongyang.</p>';

const g2 = (guid: string, inline: string, contentType: string) => `
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${guid}" version="1" standard="NewsML-G2" standardversion="2.29">
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="test"/><versionCreated>2026-12-01T00:00:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
  <contentMeta><headline>Parade rehearsal</headline></contentMeta>
  <contentSet><inlineXML contenttype="${contentType}">${inline}</inlineXML></contentSet>
</newsItem>`;

const rss = (items: string) =>
  `<rss version="2.0"><channel><title>Feed</title>${items}</channel></rss>`;

describe('what the normalizer does with an article emptier than its source', () => {
  it('dead-letters an article that lost most of its content text, with the reason, instead of publishing it', async () => {
    const { summary, published, deadLetters } = await normalize(
      g2(
        'urn:test:lost',
        `<story xmlns="urn:unknown:markup">${story}</story>`,
        'application/x-story+xml',
      ),
    );
    expect(published).toEqual([]);
    expect(deadLetters).toEqual([
      expect.objectContaining({
        code: 'TEXT_LOST',
        item: '0',
        detail: expect.stringMatching(/keeps 2 of the \d+ words/),
      }),
    ]);
    expect(summary.textLoss).toEqual({ warned: 0, deadLettered: 1 });
  });

  it('publishes the same story when its body is read, with nothing counted', async () => {
    const { summary, published, deadLetters } = await normalize(
      g2(
        'urn:test:kept',
        `<html xmlns="http://www.w3.org/1999/xhtml"><body>${story}</body></html>`,
        'application/xhtml+xml',
      ),
    );
    expect(deadLetters).toEqual([]);
    expect(published).toHaveLength(1);
    expect(summary.textLoss).toEqual({ warned: 0, deadLettered: 0 });
  });
});

describe('what the normalizer does with an item that holds nothing', () => {
  it('gives no article for an item with no headline, no body and no media, and says so', async () => {
    const { summary, published, deadLetters } = await normalize(
      rss(
        `<item><guid>empty-1</guid></item><item><title>A real story</title><guid>s-1</guid></item>`,
      ),
    );
    expect(published.map((a) => a.article.headlines?.[0]?.value)).toEqual(['A real story']);
    expect(deadLetters).toEqual([]);
    expect(summary.emptyItems).toBe(1);
    expect(summary.warnings).toContain('item 1 has no headline, no body and no media: no article');
  });

  it('gives no article at all for a channel of empty items', async () => {
    const { summary, published } = await normalize(
      rss('<item><guid>e-1</guid></item><item><link>http://example.com/x</link></item>'),
    );
    expect(published).toEqual([]);
    expect(summary).toMatchObject({ articles: 0, emptyItems: 2 });
  });

  it('still publishes a kill that carries no content', async () => {
    const kill = `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:test:k" version="2" standard="NewsML-G2" standardversion="2.29">
      <itemMeta><itemClass qcode="ninat:text"/><provider literal="test"/><versionCreated>2026-12-01T00:00:00Z</versionCreated><pubStatus qcode="stat:canceled"/></itemMeta>
    </newsItem>`;
    const { published } = await normalize(kill);
    expect(published.map((a) => a.verdict)).toEqual(['withdrawn']);
  });
});
