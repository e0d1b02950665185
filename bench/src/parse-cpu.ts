// CPU time (process.cpuUsage) of parseDocument from one or more builds of
// @wire/feeds beside fast-xml-parser alone and @rowanmanning/feed-parser, on the
// same corpus files, interleaved round by round in one process; medians of the
// rounds. Two builds named side by side are compared on the same load, which a
// shared machine needs.
//   node bench/dist/src/parse-cpu.js [rounds] [name=path/to/feeds/dist/src/index.js ...]
//   FORMATS=RSS,Atom limits the formats; PEERS=all adds every JavaScript feed parser.
import { pathToFileURL } from 'node:url';
import * as current from '@wire/feeds';
import { loadCorpus } from './corpus.js';
import { median } from './harness.js';
import { fastXmlParser, feedParsers } from './peer-parsers.js';

type Parse = (bytes: Uint8Array, context: object) => unknown;

const [roundsArg = '9', ...entries] = process.argv.slice(2);
const builds: [string, Parse][] = [];
for (const entry of entries) {
  const [name, path] = entry.split('=') as [string, string];
  builds.push([name, (await import(pathToFileURL(path).href)).parseDocument as Parse]);
}
if (builds.length === 0) builds.push(['wire', current.parseDocument as Parse]);
const context = { feedId: 'bench', fetchedAt: '2026-01-01T00:00:00Z' };
const rowan = feedParsers.find((p) => p.name === '@rowanmanning/feed-parser');
if (!rowan) throw new Error('no @rowanmanning peer');

// rss-parser answers with a promise: its work is awaited, and nothing else runs meanwhile.
async function cpuSeconds(work: () => unknown): Promise<number> {
  const start = process.cpuUsage();
  await work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

const formats = (process.env.FORMATS ?? 'RSS,Atom,NewsML-G2,NITF').split(',');
for (const group of loadCorpus().filter((g) => formats.includes(g.format))) {
  // Each timing reads at least 3 MB, so that it is long enough to read.
  const repeat = Math.max(1, Math.round(3e6 / group.bytes));
  const each = (parse: (bytes: Buffer) => unknown) => async () => {
    for (let r = 0; r < repeat; r++) for (const d of group.documents) await parse(d.bytes);
  };
  const runs: [string, () => Promise<void>][] = builds.map(([name, parse]) => [
    name,
    each((bytes) => parse(bytes, context)),
  ]);
  runs.push(['fast-xml-parser', each((bytes) => fastXmlParser.parse(bytes))]);
  const peers = process.env.PEERS === 'all' ? feedParsers : [rowan];
  for (const peer of peers.filter((p) => p.formats.includes(group.format)))
    runs.push([peer.name, each((bytes) => peer.parse(bytes))]);
  const seconds = new Map<string, number[]>(runs.map(([name]) => [name, []]));
  for (let round = -1; round < Number(roundsArg); round++) {
    // The order turns each round, so no contender always runs after the same one.
    const shift = (round + 1) % runs.length;
    for (const [name, work] of [...runs.slice(shift), ...runs.slice(0, shift)]) {
      const s = await cpuSeconds(work);
      if (round >= 0) seconds.get(name)?.push(s);
    }
  }
  const med = (name: string) => median(seconds.get(name) ?? []);
  for (const [name] of builds) {
    const line = [`${group.format} ${name}: ${((med(name) * 1000) / repeat).toFixed(1)} ms/corpus`];
    for (const [peer] of runs.slice(builds.length))
      line.push(`${(med(peer) / med(name)).toFixed(3)}x ${peer}`);
    console.log(line.join('  '));
  }
  if (builds.length === 2) {
    const [a, b] = builds.map(([name]) => name) as [string, string];
    const perRound = (seconds.get(a) ?? []).map((s, i) => s / (seconds.get(b)?.[i] ?? Number.NaN));
    console.log(`${group.format} ${a}/${b} CPU per round, median: ${median(perRound).toFixed(3)}`);
  }
}
