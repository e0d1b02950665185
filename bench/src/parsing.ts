// Parsing: MB/s and articles/s per format for parseDocument, beside fast-xml-parser
// alone on the same bytes, the JavaScript feed parsers and Python's feedparser.
import { parseDocument } from '@wire/feeds';
import type { CorpusGroup } from './corpus.js';
import { type Figure, figure, median, type RoundSettings, timeInterleaved } from './harness.js';
import { fastXmlParser, feedParsers, type PeerParser } from './peer-parsers.js';
import type { PythonTiming } from './python-feedparser.js';

const context = { feedId: 'bench', fetchedAt: '2026-01-01T00:00:00Z' };
const mb = 1e6;

function parseAllWithWire(group: CorpusGroup): number {
  let articles = 0;
  for (const doc of group.documents) articles += parseDocument(doc.bytes, context).articles.length;
  return articles;
}

async function parseAllWith(peer: PeerParser, group: CorpusGroup): Promise<number> {
  let items = 0;
  for (const doc of group.documents) items += await peer.parse(doc.bytes);
  return items;
}

export async function benchParsing(
  group: CorpusGroup,
  settings: RoundSettings,
  python: PythonTiming | undefined,
): Promise<Figure[]> {
  const peers = [fastXmlParser, ...feedParsers].filter((p) => p.formats.includes(group.format));
  const itemsFound = new Map<string, number>();
  const contenders: Record<string, () => Promise<unknown> | unknown> = {
    wire: () => parseAllWithWire(group),
  };
  for (const peer of peers) {
    contenders[peer.name] = async () => itemsFound.set(peer.name, await parseAllWith(peer, group));
  }
  const seconds = await timeInterleaved(contenders, settings);
  const rate = (name: string) => group.bytes / mb / median(seconds[name] ?? []);
  const wireMBps = rate('wire');
  const wireArticlesPerSecond = group.articles / median(seconds.wire ?? []);
  const label = `parse ${group.format} (${group.documents.length} docs, ${(group.bytes / mb).toFixed(2)} MB)`;

  const figures = [
    figure(
      `${label}: wire`,
      wireMBps,
      'MB/s',
      'fast-xml-parser alone, MB/s',
      rate(fastXmlParser.name),
      `${Math.round(wireArticlesPerSecond)} articles/s`,
    ),
  ];
  for (const peer of feedParsers.filter((p) => p.formats.includes(group.format))) {
    figures.push(
      figure(
        `${label}: wire vs ${peer.name}`,
        wireMBps,
        'MB/s',
        `${peer.name}, MB/s`,
        rate(peer.name),
        `it found ${itemsFound.get(peer.name) ?? 0} items, wire ${group.articles} articles`,
      ),
    );
  }
  if (python) {
    figures.push(
      figure(
        `${label}: wire vs feedparser (Python)`,
        wireMBps,
        'MB/s',
        'feedparser 6, MB/s',
        python.bytes / mb / python.seconds,
        `it found ${python.articles} items, wire ${group.articles} articles`,
      ),
    );
  }
  return figures;
}
