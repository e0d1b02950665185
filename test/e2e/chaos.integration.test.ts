// The chaos test: 20 local feeds file stories over time (new ones, (LEAD) updates,
// corrections, kills) plus one feed of broken documents, through two instances of
// each service, while the broker, Redis and the services are killed (-9) and
// paused (SIGSTOP/SIGCONT) at random moments and brought back. At the end the
// public topics, read as a newsroom reads them (read_committed), must hold every
// revision once, each story's revisions in filing order, the right latest state,
// no story live after its kill, and dead letters only for the broken documents.
// Sizes: CHAOS_ITEMS filings (2,000 here; `pnpm test:chaos` runs 10,000) and
// CHAOS_FAULTS (8; 30). KAFKA_CLIENT (kafkajs, the default, or platformatic) is
// the Kafka library the services run on; CI runs the test once per library.
// CHAOS_TOPOLOGY=cluster runs it on `infra/stack.sh start --cluster` instead: three
// brokers (any one killed or paused, the KRaft leader among them), Redis behind
// Sentinels (its primary killed, paused or failed over, one service instance cut
// off from it), and it reports how long publishing paused around each fault.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  type FeedServer,
  type ServiceName,
  type ServiceProcess,
  startFeedServer,
  startServiceProcess,
} from '@wire/cli';
import { allTopics, createKafkaClient, ensureTopics, topicCatalogue } from '@wire/kafka';
import {
  clusterBrokers,
  clusterEnv,
  clusterRedisPorts,
  clusterRedisPrimary,
  clusterSentinels,
  groupLag,
  groupsStable,
  pipelineEnv,
  type ReadRecord,
  readTopics,
  repoRoot,
  testBrokers,
  testKafkaClient,
  underReplicatedPartitions,
  uniqueNamespace,
  waitUntil,
  writeFeedRegistry,
} from '@wire/testkit';
import { afterAll, describe, expect, it } from 'vitest';

const filingsWanted = Number(process.env.CHAOS_ITEMS ?? 2_000);
const faultsWanted = Number(process.env.CHAOS_FAULTS ?? 8);
const feedCount = 20;
const feedWindow = 100;
const topology = process.env.CHAOS_TOPOLOGY ?? 'single';
if (topology !== 'single' && topology !== 'cluster') {
  throw new Error(`CHAOS_TOPOLOGY: single or cluster, not ${topology}`);
}
const onCluster = topology === 'cluster';
const brokers = onCluster ? clusterBrokers : testBrokers;
const ns = uniqueNamespace('chaos');
const topics = topicCatalogue(ns, onCluster ? { factor: 3, minInsync: 2 } : undefined);

type Kind = 'new' | 'lead' | 'correction' | 'kill';
interface Filing {
  feed: number;
  story: string;
  guid: string;
  kind: Kind;
  title: string;
  at: Date;
}

const prefixOf: Record<Kind, string> = {
  new: '',
  lead: '(LEAD) ',
  correction: '(CORRECTION) ',
  kill: '(KILL) ',
};
const verdictOf: Record<Kind, string> = {
  new: 'created',
  lead: 'updated',
  correction: 'corrected',
  kill: 'withdrawn',
};

/** The filings in the order the agency makes them: stories, and later revisions of live ones. */
function planFilings(count: number): Filing[] {
  const filings: Filing[] = [];
  const live: { feed: number; story: string; revisions: number }[] = [];
  const start = Date.parse('2026-11-28T00:00:00Z');
  for (let i = 0; i < count; i++) {
    const at = new Date(start + i * 1_000);
    const roll = Math.random();
    const revising = live.length > 10 && roll < 0.3;
    if (revising) {
      const index = Math.floor(Math.random() * live.length);
      const story = live[index] as (typeof live)[number];
      const kind: Kind = roll < 0.02 ? 'kill' : roll < 0.08 ? 'correction' : 'lead';
      story.revisions++;
      const guid = `${story.story}${String(story.revisions).padStart(2, '0')}315`;
      filings.push({
        feed: story.feed,
        story: story.story,
        guid,
        kind,
        title: `Story ${story.story}`,
        at,
      });
      if (kind === 'kill' || story.revisions >= 90) live.splice(index, 1);
    } else {
      const feed = i % feedCount;
      const story = `AEN26${String(feed).padStart(2, '0')}${String(i).padStart(8, '0')}`;
      live.push({ feed, story, revisions: 0 });
      filings.push({
        feed,
        story,
        guid: `${story}00315`,
        kind: 'new',
        title: `Story ${story}`,
        at,
      });
    }
  }
  return filings;
}

function feedDocument(filings: Filing[]): Buffer {
  const items = filings
    .slice(-feedWindow)
    .reverse()
    .map(
      (f) =>
        `<item><title>${prefixOf[f.kind]}${f.title}</title><guid>${f.guid}</guid>` +
        `<link>https://chaos.example/${f.guid}</link>` +
        `<description>${f.kind} filing ${f.guid} of story ${f.story}.</description>` +
        `<pubDate>${f.at.toUTCString()}</pubDate></item>`,
    );
  return Buffer.from(
    `<rss version="2.0"><channel><title>chaos</title>${items.join('')}</channel></rss>`,
  );
}

// The local stack's processes, to kill and pause (infra/stack.sh keeps their pids).
const dataDir = process.env.WIRE_DATA_DIR ?? join(repoRoot, '.wire');
const clusterDir = join(dataDir, 'cluster');
const nodePidFile = (node: number) => join(clusterDir, `kafka-${node}`, 'kafka.pid');
const clusterRedisPidFile = (port: number) => join(clusterDir, `redis-${port}`, 'redis.pid');
const kafkaPidFile = join(
  dataDir,
  'kafka',
  `run-${process.env.WIRE_KAFKA_PORT ?? '9092'}`,
  'kafka.pid',
);
const redisPidFile = join(dataDir, `redis-${process.env.WIRE_REDIS_PORT ?? '6379'}`, 'redis.pid');
const pidIn = (file: string) => {
  if (!existsSync(file)) {
    throw new Error(
      `chaos kills the stack this checkout started: ${file} is missing (run infra/stack.sh start here)`,
    );
  }
  return Number(readFileSync(file, 'utf8').trim());
};
const stackArgs = [join(repoRoot, 'infra/stack.sh'), 'start', ...(onCluster ? ['--cluster'] : [])];
const startStackNow = () => execFileSync('bash', stackArgs, { stdio: 'ignore' });
// Without blocking the test's event loop: the feeds it serves go on answering
// while a broker starts again.
const run = promisify(execFile);
const startStack = async () => {
  await run('bash', stackArgs);
};
/** The KRaft quorum's leader: of what the nodes wrote down (quorum-state), the latest epoch's. */
const quorumLeader = (): number => {
  let leader = 1;
  let latest = -1;
  for (const node of [1, 2, 3]) {
    const file = join(clusterDir, `kafka-${node}`, 'data', '__cluster_metadata-0', 'quorum-state');
    if (!existsSync(file)) continue;
    const state = readFileSync(file, 'utf8');
    const id = Number(/"leaderId":(-?\d+)/.exec(state)?.[1] ?? -1);
    const epoch = Number(/"leaderEpoch":(\d+)/.exec(state)?.[1] ?? -1);
    if (id > 0 && epoch > latest) [leader, latest] = [id, epoch];
  }
  return leader;
};
const signal = (pid: number, name: NodeJS.Signals) => {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (low: number, high: number) => low + Math.random() * (high - low);

interface FaultKind {
  weight: number;
  /** The fault takes a broker away (killed or paused). */
  brokerLoss?: boolean;
  run(): Promise<string>;
}

describe('chaos', () => {
  const running = new Map<string, ServiceProcess>();
  let feeds: FeedServer | undefined;
  const paused = new Set<number>();
  let stopping = false;

  afterAll(async () => {
    stopping = true;
    for (const pid of paused) signal(pid, 'SIGCONT');
    startStackNow();
    await Promise.all([...running.values()].map((s) => s.stop()));
    await feeds?.close();
  });

  it('loses no revision and repeats none, whatever fails when', {
    timeout: 1_800_000,
  }, async () => {
    // The pid files must be there before anything starts.
    if (onCluster) {
      for (const node of [1, 2, 3]) pidIn(nodePidFile(node));
      for (const port of clusterRedisPorts) pidIn(clusterRedisPidFile(port));
    } else {
      pidIn(kafkaPidFile);
      pidIn(redisPidFile);
    }
    const kafka = createKafkaClient({ brokers, clientId: 'chaos-test' });
    await ensureTopics(kafka, allTopics(topics));

    // The agency: each feed moves on only once its current document went out, so a
    // filing can leave the window only after a poll saw it.
    const filings = planFilings(filingsWanted);
    const published = Array.from({ length: feedCount }, () => [] as Filing[]);
    const version = new Array<number>(feedCount + 1).fill(0);
    const servedVersion = new Array<number>(feedCount + 1).fill(-1);
    const resolvedVersion = new Array<number>(feedCount + 1).fill(-1);
    const hostile = feedCount;
    const hostileBodies = new Set<string>();
    const hostileBody = () => `<rss><channel><item><title>broken ${version[hostile]}</title></rss>`;
    const feedIndex = (path: string) => Number(/^\/feed-(\d+)\.xml$/.exec(path)?.[1] ?? -1);
    feeds = await startFeedServer({
      resolve: async (path) => {
        const index = feedIndex(path);
        if (index < 0 || index > hostile) return undefined;
        resolvedVersion[index] = version[index] as number;
        const body =
          index === hostile
            ? Buffer.from(hostileBody())
            : feedDocument(published[index] as Filing[]);
        return { body, etag: `"v${version[index]}"` };
      },
      onRequest: ({ path, status }) => {
        const index = feedIndex(path);
        if (status !== 200 || index < 0) return;
        servedVersion[index] = resolvedVersion[index] as number;
        if (index === hostile)
          hostileBodies.add(createHash('sha256').update(hostileBody()).digest('hex'));
      },
    });
    const registry = writeFeedRegistry(
      ns,
      Array.from({ length: feedCount + 1 }, (_, i) => ({
        id: i === hostile ? 'hostile' : `chaos-${i}`,
        agency: 'yna',
        url: feeds?.url(`/feed-${i}.xml`),
        identity: 'yonhap',
        intervalSeconds: 1,
      })),
    );

    const env = {
      ...pipelineEnv(ns),
      ...(onCluster && clusterEnv()),
      KAFKA_CLIENT: testKafkaClient,
      LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? 'warn',
      FEEDS_FILE: registry,
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      CLAIM_PENDING_TTL_MS: '3000',
      LEASE_SECONDS: '5',
      MAX_BACKOFF_SECONDS: '3',
      MAX_REQUESTS_PER_HOST: '8',
      SHUTDOWN_TIMEOUT_MS: '5000',
    };
    // A supervisor, as in production: whatever exits is started again a moment later.
    const names: string[] = [];
    let restarts = 0;
    const start = (name: string) => {
      const service = name.replace(/-\d$/, '') as ServiceName;
      // CHAOS_LOG_DIR keeps each instance's log lines there (name.log), for a failed run.
      const logDir = process.env.CHAOS_LOG_DIR;
      const child = startServiceProcess(service, {
        env: { ...env, INSTANCE_ID: name },
        ...(logDir && { logFile: join(logDir, `${name}.log`) }),
      });
      running.set(name, child);
      void child.exited.then(async () => {
        if (stopping) return;
        await sleep(between(200, 1_500));
        if (stopping) return;
        restarts++;
        start(name);
      });
    };
    for (const service of ['publisher', 'normalizer', 'ingester']) {
      for (const n of [1, 2]) {
        names.push(`${service}-${n}`);
        start(`${service}-${n}`);
      }
    }

    // Each feed files its next few stories once its current document went out.
    const queues = Array.from({ length: feedCount }, (_, feed) =>
      filings.filter((f) => f.feed === feed),
    );
    let filed = 0;
    const agency = (async () => {
      let lastBroken = Date.now();
      while (filed < filings.length) {
        for (const [feed, queue] of queues.entries()) {
          if (queue.length === 0 || servedVersion[feed] !== version[feed]) continue;
          const batch = queue.splice(0, 1 + Math.floor(Math.random() * 3));
          published[feed]?.push(...batch);
          version[feed] = (version[feed] as number) + 1;
          filed += batch.length;
        }
        // Now and then a broken document on the hostile feed.
        if (Date.now() - lastBroken > 8_000 && servedVersion[hostile] === version[hostile]) {
          version[hostile] = (version[hostile] as number) + 1;
          lastBroken = Date.now();
        }
        await sleep(50);
      }
    })();

    // The faults, one after another while the agency files.
    const faults: string[] = [];
    const faultTimes: { fault: string; from: number; to: number }[] = [];
    const victims = () => names[Math.floor(Math.random() * names.length)] as string;
    // The faults begin once the pipeline is at work.
    const faultKinds: Record<string, FaultKind> = {
      'kill-service': {
        weight: 30,
        async run() {
          const name = victims();
          const child = running.get(name);
          child?.signal('SIGKILL');
          await child?.exited;
          return `kill ${name}`;
        },
      },
      'pause-service': {
        weight: 25,
        async run() {
          // Long enough, at times, for its partitions and leases to move on.
          const name = victims();
          const child = running.get(name);
          child?.signal('SIGSTOP');
          await sleep(between(2_000, 9_000));
          child?.signal('SIGCONT');
          return `pause ${name}`;
        },
      },
      'kill-redis': {
        weight: 15,
        async run() {
          signal(pidIn(redisPidFile), 'SIGKILL');
          await sleep(between(500, 3_000));
          await startStack();
          return 'kill redis';
        },
      },
      'pause-redis': {
        weight: 10,
        async run() {
          const pid = pidIn(redisPidFile);
          paused.add(pid);
          signal(pid, 'SIGSTOP');
          await sleep(between(1_000, 5_000));
          signal(pid, 'SIGCONT');
          paused.delete(pid);
          return 'pause redis';
        },
      },
      'kill-broker': {
        weight: 10,
        async run() {
          signal(pidIn(kafkaPidFile), 'SIGKILL');
          await sleep(between(500, 2_000));
          await startStack();
          return 'kill broker';
        },
      },
      'pause-broker': {
        weight: 10,
        async run() {
          const pid = pidIn(kafkaPidFile);
          paused.add(pid);
          signal(pid, 'SIGSTOP');
          await sleep(between(1_000, 6_000));
          signal(pid, 'SIGCONT');
          paused.delete(pid);
          return 'pause broker';
        },
      },
    };
    // On the cluster: any one of three brokers, the KRaft leader among them, and
    // the Redis primary behind its Sentinels (a pause past 2 s or a kill past it
    // fails it over to the replica; the old primary comes back as a replica).
    const node = () => 1 + Math.floor(Math.random() * 3);
    const clusterFaultKinds: Record<string, FaultKind> = {
      'kill-service': faultKinds['kill-service'] as (typeof faultKinds)[string],
      'pause-service': faultKinds['pause-service'] as (typeof faultKinds)[string],
      'kill-broker': {
        weight: 8,
        brokerLoss: true,
        async run() {
          const victim = node();
          signal(pidIn(nodePidFile(victim)), 'SIGKILL');
          await sleep(between(1_000, 8_000));
          await startStack();
          return `kill broker-${victim}`;
        },
      },
      'kill-controller': {
        weight: 6,
        brokerLoss: true,
        async run() {
          const victim = quorumLeader();
          signal(pidIn(nodePidFile(victim)), 'SIGKILL');
          await sleep(between(1_000, 8_000));
          await startStack();
          return `kill broker-${victim} (KRaft leader)`;
        },
      },
      'pause-broker': {
        weight: 8,
        brokerLoss: true,
        async run() {
          const victim = node();
          const pid = pidIn(nodePidFile(victim));
          paused.add(pid);
          signal(pid, 'SIGSTOP');
          await sleep(between(1_000, 9_000));
          signal(pid, 'SIGCONT');
          paused.delete(pid);
          return `pause broker-${victim}${victim === quorumLeader() ? ' (KRaft leader)' : ''}`;
        },
      },
      'kill-redis': {
        weight: 10,
        async run() {
          const primary = await clusterRedisPrimary();
          signal(pidIn(clusterRedisPidFile(primary)), 'SIGKILL');
          await sleep(between(1_000, 6_000));
          await startStack();
          const now = await clusterRedisPrimary();
          return `kill redis primary ${primary}${now !== primary ? ` (failed over to ${now})` : ''}`;
        },
      },
      'pause-redis': {
        weight: 6,
        async run() {
          const primary = await clusterRedisPrimary();
          const pid = pidIn(clusterRedisPidFile(primary));
          paused.add(pid);
          signal(pid, 'SIGSTOP');
          await sleep(between(1_000, 5_000));
          signal(pid, 'SIGCONT');
          paused.delete(pid);
          const now = await clusterRedisPrimary();
          return `pause redis primary ${primary}${now !== primary ? ` (failed over to ${now})` : ''}`;
        },
      },
      'partition-redis': {
        weight: 8,
        async run() {
          // One instance cut off from Redis alone (the others go on): every
          // connection it makes to the primary is closed at once, for 2-8 s. Its
          // connections carry its name (wire-<service>-<instance>, CLIENT SETNAME).
          const name = victims();
          const service = name.replace(/-\d$/, '');
          const until = Date.now() + between(2_000, 8_000);
          let cut = 0;
          while (Date.now() < until) {
            try {
              const primary = String(await clusterRedisPrimary());
              const { stdout } = await run('redis-cli', ['-p', primary, 'client', 'list']);
              for (const line of stdout.split('\n')) {
                if (!line.includes(` name=wire-${service}-${name} `)) continue;
                const id = /^id=(\d+)/.exec(line)?.[1];
                if (id) {
                  await run('redis-cli', ['-p', primary, 'client', 'kill', 'id', id]);
                  cut++;
                }
              }
            } catch {
              // Redis moving meanwhile: try again.
            }
            await sleep(100);
          }
          return `partition ${name} from redis (${cut} connections cut)`;
        },
      },
      'failover-redis': {
        weight: 8,
        async run() {
          const primary = await clusterRedisPrimary();
          // A Sentinel refuses a failover while the last one settles or the replica
          // still syncs (INPROG, NOGOODSLAVE): ask again until one moves the primary.
          const deadline = Date.now() + 90_000;
          let asked = 0;
          while ((await clusterRedisPrimary()) === primary) {
            if (Date.now() > deadline)
              throw new Error(`the Sentinels did not move the primary ${primary} in 90 s`);
            const sentinel = clusterSentinels[asked++ % 3] as string;
            await run('redis-cli', [
              '-p',
              sentinel.split(':')[1] as string,
              'sentinel',
              'failover',
              'wire',
            ]).catch(() => undefined);
            await waitUntil(async () => (await clusterRedisPrimary()) !== primary, {
              timeoutMs: 5_000,
              what: 'the Sentinels to move the primary',
            }).catch(() => undefined);
          }
          return `sentinel failover ${primary} -> ${await clusterRedisPrimary()}${asked > 1 ? ` (asked ${asked} times)` : ''}`;
        },
      },
    };
    const kinds = onCluster ? clusterFaultKinds : faultKinds;
    // CHAOS_FAULT_KINDS=kill-broker,pause-redis narrows the faults, to reproduce one.
    const chosen = (process.env.CHAOS_FAULT_KINDS ?? Object.keys(kinds).join(','))
      .split(',')
      .map((kind) => [kind, kinds[kind]] as const)
      .filter((entry): entry is readonly [string, (typeof kinds)[string]] => !!entry[1]);
    const totalWeight = chosen.reduce((sum, [, f]) => sum + f.weight, 0);
    const pick = () => {
      let roll = Math.random() * totalWeight;
      for (const [, fault] of chosen) {
        roll -= fault.weight;
        if (roll < 0) return fault;
      }
      return (chosen[0] as (typeof chosen)[number])[1];
    };
    while (faults.length < faultsWanted) {
      await sleep(between(2_000, 5_000));
      const kind = pick();
      // One broker lost at a time, as the cluster is built to bear: a broker that
      // came back has its replicas in sync again before the next one goes (two
      // brokers away leave partitions under min.insync.replicas, a stop by design),
      // and the stages' groups have settled from the last fault, so the pause
      // measured is this broker's.
      if (onCluster && kind.brokerLoss)
        await waitUntil(
          async () =>
            (await underReplicatedPartitions(brokers)) === 0 &&
            (await groupsStable(brokers, [`${ns}wire-normalizer`, `${ns}wire-publisher`])),
          { timeoutMs: 120_000, what: 'every partition in sync and both groups settled' },
        );
      const from = Date.now();
      const fault = await kind.run();
      faults.push(fault);
      faultTimes.push({ fault, from, to: Date.now() });
    }
    // When each began, to find it in the services' and brokers' logs.
    const at = (ms: number) => new Date(ms).toISOString().slice(11, 22);
    console.log(`chaos faults: ${faultTimes.map((f) => `${f.fault} at ${at(f.from)}`).join(', ')}`);
    await Promise.race([
      agency,
      sleep(600_000).then(() => {
        throw new Error(`the agency got stuck at filing ${filed} of ${filings.length}`);
      }),
    ]);

    // Drained: every feed's last document served, both groups caught up.
    await waitUntil(() => servedVersion.every((v, i) => v === version[i]), {
      timeoutMs: 120_000,
      what: 'every feed to be polled after its last filing',
    });
    await sleep(3_000);
    await waitUntil(
      async () =>
        (await groupLag(brokers, `${ns}wire-normalizer`, topics.raw.name)) === 0 &&
        (await groupLag(brokers, `${ns}wire-publisher`, topics.normalized.name)) === 0,
      { timeoutMs: 300_000, what: 'the pipeline to drain' },
    );

    const reader = await readTopics(brokers, [
      topics.normalized.name,
      topics.articles.name,
      topics.latest.name,
      topics.dlq.name,
    ]);
    const byGuid = new Map(filings.map((f) => [f.guid, f]));
    const guidOf = (r: ReadRecord) =>
      (JSON.parse(r.value?.toString() ?? '{}') as { altIds?: { value: string }[] }).altIds?.[0]
        ?.value;
    let records: ReadRecord[] = [];
    try {
      records = await reader
        .waitFor(
          (rs) =>
            new Set(rs.filter((r) => r.topic === topics.articles.name).map(guidOf)).size >=
            filings.length,
          120_000,
        )
        .catch(() => reader.records);
      await sleep(2_000);
      records = [...reader.records];
    } finally {
      await reader.close();
    }

    const events = records.filter((r) => r.topic === topics.articles.name);
    const seen = new Set(events.map(guidOf));
    const lost = filings.filter((f) => !seen.has(f.guid));
    const ids = events.map((r) => r.headers.ce_id);
    const duplicated = ids.length - new Set(ids).size;
    if (duplicated > 0) {
      // Where each repeat sits, upstream and public, for whoever reads a failed run.
      const counts = new Map<string | undefined, number>();
      for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
      const repeated = new Set([...counts].filter(([, n]) => n > 1).map(([id]) => id));
      const where = records
        .filter((r) => repeated.has(r.headers.ce_id ?? r.headers['wire-event-id']))
        .slice(0, 40)
        .map(
          (r) =>
            `${r.headers.ce_id ?? r.headers['wire-event-id']} ${r.topic}/${r.partition}/${r.offset}`,
        );
      console.log(`chaos repeats:\n${where.join('\n')}`);
    }
    const stories = new Set(filings.map((f) => f.story)).size;
    stopping = true;
    console.log(`chaos restarts: ${restarts}`);
    if (onCluster)
      console.log(`chaos publish pauses: ${publishPauses(events, faultTimes).join(', ')}`);
    console.log(
      `chaos: client=${testKafkaClient}${onCluster ? ' brokers=3' : ''} items=${stories} revisions=${filings.length} faults=${faults.length} lost=${lost.length} duplicated=${duplicated}`,
    );
    expect(faults).toHaveLength(faultsWanted);
    expect(lost.map((f) => f.guid)).toEqual([]);
    expect(duplicated).toBe(0);

    // Each revision with the verdict its filing asked for, and a story's revisions in filing order.
    const wrongVerdicts = events.filter((r) => {
      const filing = byGuid.get(guidOf(r) ?? '');
      return !filing || r.headers.ce_type !== `dev.wire.article.${verdictOf[filing.kind]}.v1`;
    });
    if (wrongVerdicts.length > 0) {
      // Each such story's trail, upstream and public, for whoever reads a failed run.
      const keys = new Set(wrongVerdicts.map((r) => r.key));
      const trail = records
        .filter((r) => keys.has(r.key) && r.topic !== topics.latest.name)
        .map((r) => {
          const normalized = JSON.parse(r.value?.toString() ?? '{}') as Record<string, unknown>;
          const upstream = ['verdict', 'fetchId', 'fetchedAt'].map((k) => normalized[k] ?? '');
          const guid = guidOf(r) ?? (normalized.source as { guid?: string } | undefined)?.guid;
          return `${r.topic}/${r.partition}/${r.offset} ${guid} ${r.headers.ce_type ?? ''} ${upstream.join(' ')}`;
        });
      console.log(`chaos wrong verdicts:\n${trail.join('\n')}`);
    }
    expect(wrongVerdicts.map((r) => `${guidOf(r)} ${r.headers.ce_type}`)).toEqual([]);
    const lastTime = new Map<string, string>();
    const outOfOrder: string[] = [];
    for (const event of events) {
      const time = event.headers.ce_time ?? '';
      const key = event.key ?? '';
      if ((lastTime.get(key) ?? '') > time) outOfOrder.push(`${key} ${time}`);
      lastTime.set(key, time);
    }
    expect(outOfOrder).toEqual([]);

    // The latest state: a killed story is a tombstone, any other its last filing.
    const latest = new Map<string, ReadRecord>();
    for (const r of records.filter((r) => r.topic === topics.latest.name))
      latest.set(r.key ?? '', r);
    const lastFiling = new Map<string, Filing>();
    for (const f of filings) lastFiling.set(`urn:wire:yna:${f.story}`, f);
    const wrongLatest = [...lastFiling].filter(([uri, f]) => {
      const state = latest.get(uri);
      return f.kind === 'kill' ? state?.value !== null : guidOf(state as ReadRecord) !== f.guid;
    });
    expect(wrongLatest.map(([uri]) => uri)).toEqual([]);

    // No story is live after its kill: nothing news on the firehose after a withdrawal.
    const withdrawnStories = new Set<string>();
    const liveAfterKill: string[] = [];
    for (const event of events) {
      const key = event.key ?? '';
      const type = event.headers.ce_type ?? '';
      if (type.endsWith('.withdrawn.v1')) withdrawnStories.add(key);
      else if (withdrawnStories.has(key) && !type.endsWith('.superseded.v1'))
        liveAfterKill.push(`${key} ${type}`);
    }
    expect(liveAfterKill).toEqual([]);
    expect(withdrawnStories.size).toBe(filings.filter((f) => f.kind === 'kill').length);

    // Dead letters: the broken documents, and nothing else.
    const letters = records.filter((r) => r.topic === topics.dlq.name);
    expect(letters.every((r) => r.headers['wire-feed-id'] === 'hostile')).toBe(true);
    // A broken document fetched while the broker was down may be replaced before a
    // poll gets it out; the last one stays served, so it must be a dead letter.
    const letterBodies = new Set(letters.map((r) => r.headers['wire-sha256']));
    const lastBroken = createHash('sha256').update(hostileBody()).digest('hex');
    expect(hostileBodies.has(lastBroken)).toBe(true);
    expect(letterBodies.has(lastBroken)).toBe(true);
  });
});

/**
 * Per fault, the longest stretch without a public event that it is to blame for,
 * by the events' own timestamps (set when the publisher sent them; an aborted
 * attempt's events are not read). Each stretch between two events goes to the
 * fault that had begun last by its start (or within a second after it: a fault
 * lands amid the usual gap between two events), measured from the fault's start
 * at the earliest; a fault after the last event says idle.
 */
function publishPauses(
  events: ReadRecord[],
  faultTimes: { fault: string; from: number; to: number }[],
): string[] {
  const times = events.map((r) => Number(r.timestamp)).sort((a, b) => a - b);
  const longest = faultTimes.map(() => 0);
  for (let i = 1; i < times.length; i++) {
    const before = times[i - 1] as number;
    const after = times[i] as number;
    let blamed = -1;
    for (const [k, { from }] of faultTimes.entries()) if (from <= before + 1_000) blamed = k;
    if (blamed < 0) continue;
    const from = (faultTimes[blamed] as { from: number }).from;
    longest[blamed] = Math.max(longest[blamed] as number, after - Math.max(before, from));
  }
  const last = times.at(-1) ?? 0;
  return faultTimes.map(({ fault, from }, k) =>
    last <= from ? `${fault} idle` : `${fault} ${((longest[k] as number) / 1000).toFixed(1)}s`,
  );
}
