// Robustness on node-feedparser's test feeds, which come without expected output:
// each well-formed feed parses and gives items with headlines; the ones broken on
// purpose (not a feed, gzip bytes) give a ParseError, never a crash.

import { join } from 'node:path';
import { corpusDir } from '@wire/testkit';
import { describeConformance } from './describe-suite.js';
import { type CorpusCase, listFiles, readBytes } from './run-suite.js';

const root = join(corpusDir, 'feed-libs/node-feedparser/feeds');

// Upstream expects "Not a feed" for these. (saxerror.xml, a bare "&" in a link, is
// read in full: the repair before parsing escapes it, with a warning.)
const invalid = new Set(['notafeed.html', 'compressed.xml', 'invalid-characters-gzipped.xml']);

// Item counts that upstream's tests state, and items whose source has no title.
const itemCounts: Record<string, number> = { 'illegally-nested.xml': 10, 'rss2sample.xml': 4 };
const untitled: Record<string, number[]> = {
  'rss2sample.xml': [1],
  'relative-channel-image-url.xml': [0],
};

function loadCases(): CorpusCase[] {
  return listFiles(root, ['.xml', '.atom', '.html']).map((file) => ({
    file,
    bytes: readBytes(root, file),
    expected: invalid.has(file) ? 'invalid' : 'parses',
    ...(itemCounts[file] !== undefined && { items: itemCounts[file] }),
    ...(untitled[file] && { untitled: untitled[file] }),
  }));
}

// Measured on the corpus; a regression lowers the rate, a fix changes the lists.
const documents = 29;
const itemsChecked = 156;
const minimumPassRate = 1;

const knownFailures: Record<string, string> = {};

const refusedDocuments = [
  'compressed.xml: XML_MALFORMED',
  'invalid-characters-gzipped.xml: XML_MALFORMED',
  'notafeed.html: XML_MALFORMED',
];

describeConformance('node-feedparser robustness', loadCases, {
  documents,
  fieldsCompared: itemsChecked,
  minimumPassRate,
  knownFailures,
  refusedDocuments,
});
