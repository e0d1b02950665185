// `wire reprocess --since TIME`: the raw documents of wire.raw.v1 from a point in
// time normalized and published again, into a sandbox namespace (its own topics
// and fresh Redis state), every record marked as a replay. For checking what a
// parser or dedupe change does to real traffic before it goes live.
import { readRange, topicRange } from '@wire/kafka';
import { createStageFeeder } from '../replay/feed-stages.js';
import { createProgressBar, type ProgressTarget } from '../replay/progress-bar.js';
import { openReplaySession, scratchPrefix } from '../replay/replay-session.js';
import { formatSummary } from '../replay/replay-summary.js';

export interface ReprocessSettings {
  since: Date;
  until?: Date | undefined;
  /** The topic prefix of the live pipeline whose wire.raw.v1 is read. */
  sourcePrefix: string;
  /** The sandbox's topic and Redis prefix; default reprocess-<time>. */
  namespace?: string | undefined;
  dryRun: boolean;
  env: NodeJS.ProcessEnv;
  print(line: string): void;
  printError(line: string): void;
  progress: ProgressTarget;
  /** Stop waiting for the rest of the range after this long without a record. */
  idleMs?: number;
}

export async function runReprocess(settings: ReprocessSettings): Promise<number> {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').toLowerCase();
  const namespace = settings.namespace ?? `reprocess-${stamp}.`;
  const discardState = settings.dryRun && settings.namespace === undefined;
  const env = {
    ...settings.env,
    WIRE_TOPIC_PREFIX: namespace,
    WIRE_REDIS_PREFIX: discardState ? scratchPrefix('reprocess') : namespace,
  };
  const source = `${settings.sourcePrefix}wire.raw.v1`;
  try {
    const session = await openReplaySession({
      env,
      dryRun: settings.dryRun,
      discardState,
      marker: { 'wire-replay': 'reprocess', 'wire-replay-since': settings.since.toISOString() },
      now: () => new Date(),
      print: settings.print,
      name: 'wire-reprocess',
    });
    try {
      const ranges = await topicRange(session.kafka, source, settings.since, settings.until);
      const total = ranges.reduce((sum, r) => sum + Math.max(0, r.end - r.start), 0);
      if (!settings.dryRun)
        settings.printError(`reprocessing ${total} records of ${source} into ${namespace}`);
      const feeder = createStageFeeder({
        stages: session.stages,
        sink: session.sink,
        progress: createProgressBar(total, settings.progress),
        warn: (line) => settings.printError(`wire reprocess: warning: ${line}`),
      });
      const unfinished = await readRange(
        session.kafka,
        source,
        ranges,
        (record) =>
          feeder.feed({
            label: `${source}/${record.partition}/${record.offset}`,
            body: record.value ?? Buffer.alloc(0),
            headers: record.headers,
            deliveryId: `reprocess/${source}/${record.partition}/${record.offset}`,
            origin: { topic: source, partition: record.partition, offset: record.offset },
          }),
        settings.idleMs,
      );
      const label = settings.dryRun ? 'records printed' : `records written to ${namespace}*`;
      for (const line of formatSummary(feeder.finish(), label)) settings.printError(line);
      if (unfinished.length > 0) {
        settings.printError(
          `wire reprocess: partitions ${unfinished.join(', ')} ended early: no record came for a while`,
        );
        return 1;
      }
      return 0;
    } finally {
      await session.close();
    }
  } catch (err) {
    settings.printError(`wire reprocess: ${(err as Error).message}`);
    return 1;
  }
}
