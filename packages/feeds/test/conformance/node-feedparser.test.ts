// Robustness on node-feedparser's test feeds, which come without expected output:
// each well-formed feed parses and gives items with headlines; the ones broken on
// purpose (not a feed, gzip bytes, a bare ampersand) give a ParseError, never a crash.
import { join } from 'node:path';
import { corpusDir } from '@wire/testkit';
import { describe, expect, it } from 'vitest';
import {
  type CorpusCase,
  describeMismatches,
  listFiles,
  passRate,
  readBytes,
  runSuite,
} from './run-suite.js';

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

describe('node-feedparser robustness', () => {
  const report = runSuite(loadCases());

  it('reads every feed and checks as many items as when measured', () => {
    expect(report.documents).toBe(documents);
    expect(report.fieldsCompared).toBe(itemsChecked);
  });

  it('gives every item of a well-formed feed a headline, unless its source has no title', () => {
    expect(passRate(report), describeMismatches(report)).toBeGreaterThanOrEqual(minimumPassRate);
  });

  it('fails on exactly the known failures, no more and no fewer', () => {
    expect(report.failures, describeMismatches(report)).toEqual(Object.keys(knownFailures).sort());
  });

  it('refuses the broken documents with a ParseError, never a crash', () => {
    expect(report.parseErrors).toEqual(refusedDocuments);
  });
});
