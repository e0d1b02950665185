// The normalizer: articles/s through parse, identity, dedupe and fingerprint
// (normalizeDocument and its afterCommit, as the service runs them) against the
// real Redis, and the Redis round trips each article costs. The same documents
// through the in-memory stores show how much of the time is Redis; redis-benchmark
// is the ceiling.
import { randomBytes } from 'node:crypto';
import {
  createMemoryFilingIndex,
  createMemoryLinkMemory,
  createMemoryNearDuplicateIndex,
  createMemoryStoryAliases,
  createMemoryStoryLedger,
  createNormalizerState,
  defaultFamilySettings,
  type NormalizeDependencies,
  normalizeDocument,
} from '@wire/normalizer';
import { connectRedis, createMemoryClaimStore, type Redis } from '@wire/redis';
import { testRedisUrl } from '@wire/testkit';
import { type Figure, figure, median, type RoundSettings } from './harness.js';
import { rawHeaders } from './raw-records.js';
import { redisRoundTripsPerSecond } from './redis-ceiling.js';
import { countRoundTrips } from './round-trip-counter.js';

type NormalizedArticle = Parameters<NormalizeDependencies['publishNormalized']>[0];

type Stores = Pick<
  NormalizeDependencies,
  'claims' | 'stories' | 'nearDuplicates' | 'links' | 'aliases' | 'filings' | 'family'
>;

/** The stores as the service builds them, with its default settings. */
export function redisStores(redis: Redis, prefix: string): Stores {
  return createNormalizerState(redis, {
    WIRE_REDIS_PREFIX: prefix,
    CLAIM_PENDING_TTL_MS: 60_000,
    DEDUPE_TTL_DAYS: 30,
    NEAR_DUPLICATE_MAX_DISTANCE: 3,
    NEAR_DUPLICATE_WINDOW_HOURS: 72,
  });
}

function memoryStores(): Stores {
  return {
    claims: createMemoryClaimStore({ pendingTtlMs: 60_000, doneTtlMs: 30 * 86_400_000 }),
    stories: createMemoryStoryLedger(),
    aliases: createMemoryStoryAliases(),
    links: createMemoryLinkMemory(),
    nearDuplicates: createMemoryNearDuplicateIndex({ maxDistance: 3 }),
    filings: createMemoryFilingIndex({ windowMs: defaultFamilySettings.windowMs }),
    family: defaultFamilySettings,
  };
}

/**
 * Normalizes every document once, committing as the service does; returns articles
 * seen. `onPublished` is told of each article the stage would write to Kafka.
 */
export async function normalizeAll(
  documents: Buffer[],
  stores: Stores,
  prefix: string,
  onPublished: (article: NormalizedArticle) => void = () => undefined,
) {
  let articles = 0;
  let published = 0;
  for (const [i, value] of documents.entries()) {
    const { summary, afterCommit } = await normalizeDocument(
      { value, headers: rawHeaders(value, 'bench-feed'), deliveryId: `${prefix}raw/0/${i}` },
      {
        ...stores,
        eventKey: (eventId) => `${prefix}event:${eventId}`,
        sleep: async () => undefined,
        // The stage hands each article encoded, as the service writes it to Kafka.
        publishNormalized: async (article) => onPublished(article),
        deadLetter: async () => undefined,
      },
    );
    await afterCommit();
    articles += summary.articles;
    published += summary.published;
  }
  return { articles, published };
}

interface Pass {
  seconds: number[];
  roundTrips: number;
  articles: number;
  published: number;
  /** CPU seconds over the timed rounds: this process's, and Redis's (when asked). */
  cpuSeconds: number;
  redisCpuSeconds: number;
  /** Articles over the timed rounds. */
  timedArticles: number;
}

/** Redis's own CPU seconds so far (INFO cpu: the server's user and system time). */
async function redisServerCpu(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const field = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return field('used_cpu_user') + field('used_cpu_sys');
}

async function run(
  documents: Buffer[],
  settings: RoundSettings,
  fresh: () => { stores: Stores; prefix: string },
  repoll: boolean,
  counter?: { count: number; reset(): void },
  redis?: Redis,
): Promise<Pass> {
  const pass: Pass = {
    seconds: [],
    roundTrips: 0,
    articles: 0,
    published: 0,
    cpuSeconds: 0,
    redisCpuSeconds: 0,
    timedArticles: 0,
  };
  for (let round = 0; round < settings.warmupRounds + settings.rounds; round++) {
    const { stores, prefix } = fresh();
    // A re-poll: the same documents once more, every article already known.
    if (repoll) await normalizeAll(documents, stores, prefix);
    counter?.reset();
    const redisBefore = redis ? await redisServerCpu(redis) : 0;
    const cpuBefore = process.cpuUsage();
    const start = process.hrtime.bigint();
    const counts = await normalizeAll(documents, stores, prefix);
    const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    const cpu = process.cpuUsage(cpuBefore);
    const redisAfter = redis ? await redisServerCpu(redis) : 0;
    if (round >= settings.warmupRounds) {
      pass.cpuSeconds += (cpu.user + cpu.system) / 1e6;
      pass.redisCpuSeconds += redisAfter - redisBefore;
      pass.timedArticles += counts.articles;
      pass.seconds.push(elapsed);
      Object.assign(pass, counts, { roundTrips: counter?.count ?? 0 });
    }
  }
  return pass;
}

export async function benchNormalizer(
  documents: Buffer[],
  settings: RoundSettings,
  namespace: string,
): Promise<Figure[]> {
  const redis = await connectRedis({ url: testRedisUrl });
  const counter = countRoundTrips(redis);
  // Redis's CPU is asked over a connection of its own, not counted as the stores' round trips.
  const stats = await connectRedis({ url: testRedisUrl });
  const freshRedis = () => {
    const prefix = `${namespace}${randomBytes(3).toString('hex')}.`;
    return { stores: redisStores(redis, prefix), prefix };
  };
  const freshMemory = () => ({ stores: memoryStores(), prefix: 'memory.' });
  try {
    const newStories = await run(documents, settings, freshRedis, false, counter, stats);
    const repolled = await run(documents, settings, freshRedis, true, counter, stats);
    const inMemory = await run(documents, settings, freshMemory, false);
    const { hostname, port } = new URL(testRedisUrl);
    const redisCeiling = redisRoundTripsPerSecond(hostname, Number(port || 6379), 50_000);

    const perSecond = (p: Pass) => p.articles / median(p.seconds);
    const tripsNew = newStories.roundTrips / newStories.articles;
    const tripsRepoll = repolled.roundTrips / repolled.articles;
    const ceilingNote = `redis-benchmark 1 connection: ${Math.round(redisCeiling)} round trips/s`;
    return [
      figure(
        'normalizer, new stories, Redis stores',
        perSecond(newStories),
        'articles/s',
        'Redis ceiling at this round-trip count, articles/s',
        redisCeiling / tripsNew,
        ceilingNote,
      ),
      figure(
        'normalizer, re-polled stories (all duplicates), Redis stores',
        perSecond(repolled),
        'articles/s',
        'Redis ceiling at this round-trip count, articles/s',
        redisCeiling / tripsRepoll,
        `${repolled.published} of ${repolled.articles} published again`,
      ),
      figure(
        'normalizer, new stories, in-memory stores (no Redis)',
        perSecond(inMemory),
        'articles/s',
        'the same with Redis stores, articles/s',
        perSecond(newStories),
        'the CPU part: parse, identity, fingerprint, encoding',
      ),
      // Issue 18 set its target against the normalizer's CPU on the day it was
      // filed (494 articles/s): the one reference not measured in the same run.
      figure(
        'normalizer CPU, new stories, against issue 18 baseline',
        perSecond(inMemory),
        'articles/s',
        "the normalizer's CPU alone when issue 18 was filed, articles/s",
        494,
        'in-memory stores: parse, identity, fingerprint, encoding',
      ),
      ...[
        ['new', newStories],
        ['re-polled', repolled],
      ].map(([kind, pass]) => {
        const { redisCpuSeconds, cpuSeconds, timedArticles } = pass as Pass;
        const micros = (seconds: number) => (seconds * 1e6) / Math.max(1, timedArticles);
        // Redis serves every instance from one thread: its CPU an article bounds them all.
        return figure(
          `Redis's CPU per ${kind} article`,
          micros(redisCpuSeconds),
          'µs',
          "the normalizer's own CPU per article, Redis stores, µs",
          micros(cpuSeconds),
          `one Redis core: at most ${Math.round(1e6 / Math.max(1, micros(redisCpuSeconds))).toLocaleString('en-US')} articles/s across all instances`,
        );
      }),
      figure(
        'Redis round trips per new article',
        tripsNew,
        'round trips',
        'target',
        0.2,
        `${newStories.roundTrips} for ${newStories.articles} articles in ${documents.length} documents`,
      ),
      figure(
        'Redis round trips per re-polled article',
        tripsRepoll,
        'round trips',
        'target',
        0.2,
        `${repolled.roundTrips} for ${repolled.articles} articles`,
      ),
    ];
  } finally {
    await redis.quit();
    await stats.quit();
  }
}
