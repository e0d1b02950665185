// The ingester against a local server holding a whole fleet of feeds that mostly
// answer 304: polls/s (counted at the server) beside an undici loop of conditional
// GETs at the same per-host concurrency, the ingester's CPU per 1,000 feeds, and
// the peak RSS of the ingester, normalizer and publisher (all real processes)
// while the changed share of the fleet flows through them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ServiceProcess, startServiceProcess } from '@wire/cli';
import {
  allTopics,
  createKafkaClient,
  createOffsetReader,
  ensureTopics,
  type KafkaClient,
  topicCatalogue,
} from '@wire/kafka';
import { testBrokers, testRedisUrl, waitUntil } from '@wire/testkit';
import { Redis } from 'ioredis';
import { runReferenceLoop } from './conditional-get-ceiling.js';
import { topFramesIn } from './cpu-profile.js';
import { type FeedFleet, startFeedFleet } from './feed-fleet.js';
import type { Figure } from './harness.js';
import { ingesterFigures } from './ingester-figures.js';
import type { ProfileSummary } from './profiles.js';
import { measureWindow, startWatched, type Window } from './service-watch.js';
import type { TextPool } from './synthetic-feeds.js';

export interface IngesterBenchSettings {
  /** Topic and key prefix of this run. */
  namespace: string;
  runId: string;
  feeds: number;
  intervalSeconds: number;
  /** Share of the feeds changed every interval, so some polls publish. */
  changeShare: number;
  /** The ingester's per-host limit; the reference loop runs this many requests at a time. */
  maxRequestsPerHost: number;
  warmupSeconds: number;
  windowSeconds: number;
  referenceSeconds: number;
  /** When set, a second ingester run with this per-host limit shows what the limit costs. */
  probeRequestsPerHost?: number;
  /** When set and the ingester falls behind its schedule, a profiled run writes here. */
  profileDir?: string;
}

export interface IngesterBenchResult {
  figures: Figure[];
  profile?: ProfileSummary;
}

/** Records written to a topic (no transactions there, so offsets count records). */
async function recordsIn(kafka: KafkaClient, topic: string): Promise<number> {
  const offsets = createOffsetReader(kafka);
  try {
    const ends = await offsets.endOffsets(topic);
    return ends.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } catch {
    return 0; // A topic just created may have no leader yet: ask again.
  } finally {
    await offsets.close();
  }
}

async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(testRedisUrl);
  for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 1_000 })) {
    if ((keys as string[]).length > 0) await redis.unlink(...(keys as string[]));
  }
  await redis.quit();
}

export async function benchIngester(
  pool: TextPool,
  settings: IngesterBenchSettings,
  log: (line: string) => void,
): Promise<IngesterBenchResult> {
  const ns = settings.namespace;
  const primeNs = `${ns}prime.`;
  const dir = mkdtempSync(join(tmpdir(), 'wire-bench-ingester-'));
  const fleet: FeedFleet = await startFeedFleet(pool, settings);
  const kafka = createKafkaClient({ brokers: testBrokers, clientId: 'bench' });
  const running: ServiceProcess[] = [];
  const stopAll = async () => {
    await Promise.all(running.splice(0).map((s) => s.stop()));
  };
  try {
    await ensureTopics(kafka, [
      ...allTopics(topicCatalogue(ns)),
      ...allTopics(topicCatalogue(primeNs)),
    ]);
    fleet.writeRegistry(join(dir, 'feeds.json'));
    fleet.writeRegistry(join(dir, 'prime.json'), 3_600);
    writeFileSync(join(dir, 'urls.json'), JSON.stringify(fleet.urls));
    const env = {
      KAFKA_BROKERS: testBrokers.join(','),
      REDIS_URL: testRedisUrl,
      WIRE_TOPIC_PREFIX: ns,
      WIRE_REDIS_PREFIX: ns,
      LOG_LEVEL: 'warn',
    };
    const ingesterEnv = (perHost: number) => ({
      ...env,
      FEEDS_FILE: join(dir, 'feeds.json'),
      MAX_REQUESTS_PER_HOST: String(perHost),
    });

    // Priming: every feed's first answer is a 200 whose document goes to a topic of
    // its own, so the measured run starts with the state of a fleet long polled.
    // It polls each feed once (an hour's interval) and stops once Kafka has them all.
    log(`ingester: priming ${settings.feeds} feeds`);
    const primeRaw = topicCatalogue(primeNs).raw.name;
    running.push(
      startServiceProcess('ingester', {
        env: {
          ...ingesterEnv(settings.maxRequestsPerHost),
          FEEDS_FILE: join(dir, 'prime.json'),
          WIRE_TOPIC_PREFIX: primeNs,
        },
      }),
    );
    await waitUntil(async () => (await recordsIn(kafka, primeRaw)) >= settings.feeds, {
      timeoutMs: 180_000,
      what: 'the first document of every feed in Kafka',
    });
    await stopAll();

    const watched = [
      startWatched('ingester', ingesterEnv(settings.maxRequestsPerHost)),
      startWatched('normalizer', env),
      startWatched('publisher', env),
    ];
    running.push(...watched.map((w) => w.service));
    fleet.startChanging();
    log(`ingester: ${settings.warmupSeconds} s warmup, ${settings.windowSeconds} s measured`);
    const main = await measureWindow(
      fleet.counts,
      watched,
      settings.warmupSeconds,
      settings.windowSeconds,
    );
    await stopAll();

    log(`ingester: reference loop, ${settings.referenceSeconds} s`);
    const reference = await runReferenceLoop(
      join(dir, 'urls.json'),
      settings.maxRequestsPerHost,
      settings.referenceSeconds,
    );

    let probe: Window | undefined;
    if (settings.probeRequestsPerHost) {
      log(`ingester: again with ${settings.probeRequestsPerHost} requests per host`);
      const probed = startWatched('ingester', ingesterEnv(settings.probeRequestsPerHost));
      running.push(probed.service);
      probe = await measureWindow(fleet.counts, [probed], settings.warmupSeconds / 2, 15);
      await stopAll();
    }

    const behind =
      main.requests.total / main.seconds < (0.95 * settings.feeds) / settings.intervalSeconds;
    let profile: ProfileSummary | undefined;
    if (settings.profileDir && behind) {
      log('ingester: behind its schedule; profiling it');
      const out = join(settings.profileDir, 'ingester');
      running.push(
        startServiceProcess('ingester', {
          env: {
            ...ingesterEnv(settings.maxRequestsPerHost),
            NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${out}`,
          },
        }),
      );
      await sleep((settings.warmupSeconds / 2 + 15) * 1000);
      await stopAll();
      profile = { what: `the ingester polling ${settings.feeds} feeds`, ...topFramesIn(out) };
    }

    return {
      figures: ingesterFigures(settings, main, reference, probe),
      ...(profile && { profile }),
    };
  } finally {
    await stopAll();
    await fleet.close();
    await deleteKeys(ns);
    rmSync(dir, { recursive: true, force: true });
  }
}
