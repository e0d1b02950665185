// `wire replay PATH...`: recorded documents through the real normalizer and
// publisher logic, in the order given. With --dry-run only Redis is needed: its
// dedupe state goes under a fresh namespace (removed afterwards) unless one is
// given, and the Kafka records it would write are printed as JSON lines. Without
// it, they are written to the local Kafka.
import { createStageFeeder } from '../replay/feed-stages.js';
import { createProgressBar, type ProgressTarget } from '../replay/progress-bar.js';
import { openReplaySession, scratchPrefix } from '../replay/replay-session.js';
import { type FileDefaults, listReplayDocuments } from '../replay/replay-sources.js';
import { formatSummary } from '../replay/replay-summary.js';

export interface ReplaySettings {
  paths: string[];
  dryRun: boolean;
  /** Topic and Redis prefix of the run. */
  namespace?: string | undefined;
  speed?: number | undefined;
  /** How plain files are described; archived fetches carry their own headers. */
  files: Omit<FileDefaults, 'fetchedAt'>;
  /** The time the replay runs at: plain files' fetch time and dead letters' time. */
  at?: Date | undefined;
  /** The services' environment: KAFKA_BROKERS, REDIS_URL, prefixes, TTLs, ROUTES_FILE. */
  env: NodeJS.ProcessEnv;
  print(line: string): void;
  printError(line: string): void;
  progress: ProgressTarget;
}

export async function runReplay(settings: ReplaySettings): Promise<number> {
  const at = settings.at ?? new Date();
  // A dry run leaves no state behind unless asked to keep it under a namespace.
  const discardState = settings.dryRun && settings.namespace === undefined;
  const env = {
    ...settings.env,
    ...(settings.namespace !== undefined && {
      WIRE_TOPIC_PREFIX: settings.namespace,
      WIRE_REDIS_PREFIX: settings.namespace,
    }),
    ...(discardState && { WIRE_REDIS_PREFIX: scratchPrefix('replay') }),
  };
  try {
    const documents = await listReplayDocuments(settings.paths, {
      ...settings.files,
      fetchedAt: at,
    });
    if (documents.length === 0)
      throw new Error(`no feed documents in ${settings.paths.join(', ')}`);
    const session = await openReplaySession({
      env,
      dryRun: settings.dryRun,
      discardState,
      marker: { 'wire-replay': 'replay' },
      now: () => at,
      print: settings.print,
      name: 'wire-replay',
    });
    try {
      const feeder = createStageFeeder({
        stages: session.stages,
        sink: session.sink,
        progress: createProgressBar(documents.length, settings.progress),
        speed: settings.speed,
        warn: (line) => settings.printError(`wire replay: warning: ${line}`),
      });
      for (const [index, doc] of documents.entries()) {
        await feeder.feed({
          label: doc.label,
          body: doc.body,
          headers: doc.headers,
          fetchedAt: doc.fetchedAt,
          deliveryId: `replay/${doc.headers['wire-fetch-id']}`,
          origin: { topic: session.topics.raw.name, partition: -1, offset: String(index) },
        });
      }
      const label = settings.dryRun ? 'records printed' : 'records written';
      for (const line of formatSummary(feeder.finish(), label)) settings.printError(line);
      return 0;
    } finally {
      await session.close();
    }
  } catch (err) {
    settings.printError(`wire replay: ${(err as Error).message}`);
    return 1;
  }
}
