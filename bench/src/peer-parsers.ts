// The parsers a parsing figure is compared with, each as "bytes in, items found
// out" on the same documents: fast-xml-parser alone (the ceiling with this XML
// parser) and the JavaScript feed parsers people use.
import { extractFromXml } from '@extractus/feed-extractor';
import { parseFeed as rowanmanningParse } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { parseFeed as feedsmithParse } from 'feedsmith';
import RssParser from 'rss-parser';
import type { CorpusFormat } from './corpus.js';

export interface PeerParser {
  name: string;
  /** Formats it reads; the others it is not timed on. */
  formats: readonly CorpusFormat[];
  /** Parses one document and returns how many items it found (0 when it refused it). */
  parse(bytes: Buffer): Promise<number> | number;
}

const feedFormats: readonly CorpusFormat[] = ['RSS', 'Atom'];

// Only the tree: no validation pass, no mapping, no cleaning.
const rawXml = new XMLParser({ ignoreAttributes: false });
export const fastXmlParser: PeerParser = {
  name: 'fast-xml-parser',
  formats: ['RSS', 'Atom', 'NewsML-G2', 'NITF'],
  parse(bytes) {
    rawXml.parse(bytes.toString('utf8'));
    return 0;
  },
};

const rssParser = new RssParser();

/** A peer that throws on a document found no items in it; its time still counts. */
async function itemsOr0(parse: () => Promise<number> | number): Promise<number> {
  try {
    return await parse();
  } catch {
    return 0;
  }
}

export const feedParsers: PeerParser[] = [
  {
    name: 'rss-parser',
    formats: feedFormats,
    parse: (bytes) =>
      itemsOr0(async () => (await rssParser.parseString(bytes.toString('utf8'))).items.length),
  },
  {
    name: '@rowanmanning/feed-parser',
    formats: feedFormats,
    parse: (bytes) => itemsOr0(() => rowanmanningParse(bytes.toString('utf8')).items.length),
  },
  {
    name: '@extractus/feed-extractor',
    formats: feedFormats,
    parse: (bytes) => itemsOr0(() => extractFromXml(bytes.toString('utf8')).entries?.length ?? 0),
  },
  {
    name: 'feedsmith',
    formats: feedFormats,
    parse: (bytes) =>
      itemsOr0(() => {
        const { feed } = feedsmithParse(bytes.toString('utf8')) as {
          feed: { items?: unknown[]; entries?: unknown[] };
        };
        return (feed.items ?? feed.entries ?? []).length;
      }),
  },
];
