// The ceiling for the ingester's polls/s, run as its own process so its CPU and
// memory count apart from the server's: a few workers doing conditional GETs
// with undici over the fleet's URLs, as fast as they go, remembering each ETag.
// Usage: node conditional-get-loop.js <urls.json> <concurrency> <seconds>
// One pass over every feed first (to learn the ETags), then the timed loop;
// prints {requests, seconds, cpuSeconds, peakRssBytes} as JSON.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'undici';
import { parseStatusMemory } from './process-stats.js';

const [urlsFile, concurrencyArg, secondsArg] = process.argv.slice(2);
const urls = JSON.parse(readFileSync(urlsFile as string, 'utf8')) as string[];
const concurrency = Number(concurrencyArg);
const seconds = Number(secondsArg);
const dispatcher = new Agent();
const etags = new Map<string, string>();

async function get(url: string): Promise<void> {
  const etag = etags.get(url);
  const response = await request(url, {
    dispatcher,
    headers: etag ? { 'if-none-match': etag } : {},
  });
  const next = response.headers.etag;
  if (typeof next === 'string') etags.set(url, next);
  await response.body.dump();
}

/** Runs `concurrency` workers over the URLs, round and round, until `until` says stop. */
async function loop(until: (done: number) => boolean): Promise<number> {
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (!until(done)) {
      await get(urls[next++ % urls.length] as string);
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done;
}

await loop((done) => done >= urls.length);
const cpuBefore = process.cpuUsage();
const started = performance.now();
const deadline = started + seconds * 1000;
const requests = await loop(() => performance.now() >= deadline);
const elapsed = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
console.log(
  JSON.stringify({
    requests,
    seconds: elapsed,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    // Not getrusage's maxRSS: Linux carries the parent's over fork and exec.
    peakRssBytes: parseStatusMemory(readFileSync('/proc/self/status', 'utf8')).peakRssBytes,
  }),
);
await dispatcher.close();
