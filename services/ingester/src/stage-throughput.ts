// Records per minute into each stage's topic, from the topics' end offsets sampled
// on a timer (see kafka-stage-probe.ts), plus the consumer lag read at the same
// time. Samples live in memory for a short window: each instance keeps its own.

export interface GroupLag {
  group: string;
  topic: string;
  /** Records the group has yet to commit; absent when the broker did not say. */
  lag?: number;
}

export interface StageSample {
  at: number;
  /** Per topic, the sum of its partitions' end offsets; absent when unknown. */
  ends: Record<string, number | undefined>;
  lags: GroupLag[];
}

export interface StageProbe {
  sample(): Promise<Omit<StageSample, 'at'>>;
  close(): Promise<void>;
}

export interface Throughput {
  /** Over the last minute (or the samples there are); absent before two samples. */
  recordsPerMinute?: number;
  /** Records per minute between consecutive samples, oldest first. */
  series: number[];
}

const minuteMs = 60_000;

/**
 * End offsets only grow; a drop (a recreated topic) counts as nothing new. In a
 * topic written with transactions, each commit also adds a marker per partition,
 * so those rates read slightly high.
 */
export function throughputOf(samples: StageSample[], topic: string): Throughput {
  const known = samples.filter((s) => s.ends[topic] !== undefined);
  const rate = (from: StageSample, to: StageSample) =>
    (Math.max(0, (to.ends[topic] ?? 0) - (from.ends[topic] ?? 0)) / (to.at - from.at)) * minuteMs;
  const series = known.slice(1).map((to, i) => rate(known[i] as StageSample, to));
  const latest = known[known.length - 1];
  if (!latest || known.length < 2) return { series };
  // The newest sample at least a minute older than the latest one, else the oldest.
  const base = known.findLast((s) => latest.at - s.at >= minuteMs) ?? (known[0] as StageSample);
  return { recordsPerMinute: Math.round(rate(base, latest)), series };
}

export interface StageSampler {
  samples(): StageSample[];
  stop(): Promise<void>;
}

export interface StageSamplerSettings {
  intervalMs: number;
  /** How far back samples are kept. */
  windowMs: number;
  onError(err: unknown): void;
  now?: () => number;
}

export function startStageSampler(probe: StageProbe, settings: StageSamplerSettings): StageSampler {
  const now = settings.now ?? Date.now;
  const kept: StageSample[] = [];
  // A slow broker never stacks samples: a tick while one is in flight is skipped.
  let busy = false;
  const take = async () => {
    try {
      const sample = { at: now(), ...(await probe.sample()) };
      kept.push(sample);
      while (kept.length > 0 && sample.at - (kept[0]?.at ?? 0) > settings.windowMs) kept.shift();
    } catch (err) {
      // A missed sample leaves a longer step between its neighbours, not a wrong rate.
      settings.onError(err);
    }
  };
  const tick = () => {
    if (busy) return;
    busy = true;
    void take().finally(() => {
      busy = false;
    });
  };
  tick();
  const timer = setInterval(tick, settings.intervalMs);
  timer.unref();
  return {
    samples: () => [...kept],
    async stop() {
      clearInterval(timer);
      // Not waiting for a sample in flight: with the broker gone it could outlast the shutdown.
      await probe.close();
    },
  };
}
