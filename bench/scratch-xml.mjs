import { parseDocument } from '@wire/feeds';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { loadCorpus } from './dist/src/corpus.js';

const groups = loadCorpus();
const reserved = new Set(['__proto__', 'constructor', 'prototype']);
const rn = (n) => (reserved.has(n) ? 'reserved-' + n : n);
const repeatable = new Set(['item', 'entry', 'category', 'link', 'enclosure', 'dc:subject']);
const base = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
};
const configs = {
  default: new XMLParser({ ignoreAttributes: false }),
  wire: new XMLParser({
    ...base,
    htmlEntities: true,
    processEntities: { enabled: true, maxEntityCount: 0, maxExpandedLength: 10_000_000 },
    maxNestedTags: 200,
    transformTagName: rn,
    transformAttributeName: rn,
    isArray: (n) => repeatable.has(n),
  }),
  noHtmlEnt: new XMLParser({
    ...base,
    htmlEntities: false,
    processEntities: { enabled: true, maxEntityCount: 0, maxExpandedLength: 10_000_000 },
    maxNestedTags: 200,
    transformTagName: rn,
    transformAttributeName: rn,
    isArray: (n) => repeatable.has(n),
  }),
  noEnt: new XMLParser({
    ...base,
    processEntities: false,
    maxNestedTags: 200,
    transformTagName: rn,
    transformAttributeName: rn,
    isArray: (n) => repeatable.has(n),
  }),
  noEntNoTransform: new XMLParser({ ...base, processEntities: false }),
  preserveOrder: new XMLParser({ ...base, processEntities: false, preserveOrder: true }),
};
function time(fn, docs) {
  let best = Infinity;
  for (let r = 0; r < 7; r++) {
    const t = process.hrtime.bigint();
    for (const d of docs) fn(d);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    best = Math.min(best, ms);
  }
  return best;
}
for (const g of groups) {
  const docs = g.documents.map((d) => d.bytes.toString('utf8'));
  const mb = g.bytes / 1e6;
  const row = { format: g.format };
  row.validate = (
    mb /
    (time((t) => XMLValidator.validate(t, { allowBooleanAttributes: true }), docs) / 1000)
  ).toFixed(1);
  for (const [k, p] of Object.entries(configs))
    row[k] = (mb / (time((t) => p.parse(t), docs) / 1000)).toFixed(1);
  row.parseDocument = (
    mb /
    (time(
      (t) => parseDocument(Buffer.from(t), { feedId: 'b', fetchedAt: '2026-01-01T00:00:00Z' }),
      docs,
    ) /
      1000)
  ).toFixed(1);
  console.log(JSON.stringify(row));
}
