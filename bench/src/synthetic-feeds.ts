// Real-shaped RSS documents that are all new to the dedupe stores: each item's
// headline and paragraphs are drawn from the corpus's real articles, mixed so no
// two items are near-duplicates, with a guid of its own. Used where a benchmark
// needs a stream of fresh stories (the normalizer, end to end).
import { parseDocument } from '@wire/feeds';
import { XMLBuilder } from 'fast-xml-parser';
import type { CorpusGroup } from './corpus.js';

export interface TextPool {
  headlines: string[];
  paragraphs: string[];
}

export function textPool(groups: CorpusGroup[]): TextPool {
  const headlines = new Set<string>();
  const paragraphs = new Set<string>();
  for (const group of groups) {
    for (const doc of group.documents) {
      const parsed = parseDocument(doc.bytes, {
        feedId: 'pool',
        fetchedAt: '2026-01-01T00:00:00Z',
      });
      for (const { article } of parsed.articles) {
        const headline = article.headlines?.[0]?.value;
        if (headline && headline.length > 20) headlines.add(headline);
        const text = article.bodies?.find((b) => b.contentType === 'text/plain')?.value ?? '';
        for (const p of text.split(/\n+/)) if (p.length >= 120) paragraphs.add(p.trim());
      }
    }
  }
  return { headlines: [...headlines], paragraphs: [...paragraphs] };
}

/** A small deterministic generator, so every run draws the same documents. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const builder = new XMLBuilder({ ignoreAttributes: false, format: true, cdataPropName: '#cdata' });

export interface SyntheticFeedSettings {
  documents: number;
  itemsPerDocument: number;
  /** Makes guids unique to one run (a fresh namespace). */
  runId: string;
  seed?: number;
}

export function syntheticFeeds(pool: TextPool, settings: SyntheticFeedSettings): Buffer[] {
  const random = randomFrom(settings.seed ?? 42);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)] as T;
  const documents: Buffer[] = [];
  const published = Date.parse('2026-03-02T08:00:00Z');
  for (let d = 0; d < settings.documents; d++) {
    const items = Array.from({ length: settings.itemsPerDocument }, (_, i) => {
      const n = d * settings.itemsPerDocument + i;
      const paragraphs = Array.from({ length: 4 + Math.floor(random() * 5) }, () =>
        pick(pool.paragraphs),
      );
      return {
        title: `${pick(pool.headlines)} (${n})`,
        link: `https://agency.example/${settings.runId}/story/${n}`,
        guid: { '#text': `${settings.runId}-${n}`, '@_isPermaLink': 'false' },
        pubDate: new Date(published + n * 1000).toUTCString(),
        description: paragraphs[0],
        'content:encoded': { '#cdata': paragraphs.map((p) => `<p>${p}</p>`).join('\n') },
      };
    });
    const xml = builder.build({
      '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
      rss: {
        '@_version': '2.0',
        '@_xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
        channel: {
          title: 'Bench wire',
          link: 'https://agency.example/',
          description: 'Real-shaped items drawn from the corpus',
          item: items,
        },
      },
    }) as string;
    documents.push(Buffer.from(xml));
  }
  return documents;
}
