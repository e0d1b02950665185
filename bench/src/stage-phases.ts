// Where a stage's time went during a load, read from its /metrics: the seconds
// its committed runs spent handling, committing and after the commit
// (wire_stage_run_seconds), and how many records they took. The difference of
// two readings is the load's share, set beside its wall time to say what bounds
// the stage: its own work, or its Kafka transactions.
import { createServer } from 'node:net';

export interface StagePhases {
  runs: number;
  records: number;
  handleSeconds: number;
  commitSeconds: number;
  afterCommitSeconds: number;
}

/** A loopback port nothing listens on now, for a service's OPS_ADDRESS. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const sample = (text: string, name: string, phase?: string): number => {
  const line = text
    .split('\n')
    .find(
      (l) => l.startsWith(`${name}{`) && (phase === undefined || l.includes(`phase="${phase}"`)),
    );
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
};

/** The stage's totals so far, from the /metrics of the ops server at `opsUrl`. */
export async function readStagePhases(opsUrl: string): Promise<StagePhases> {
  const text = await (await fetch(`${opsUrl}/metrics`)).text();
  return {
    runs: sample(text, 'wire_stage_run_records_count'),
    records: sample(text, 'wire_stage_run_records_sum'),
    handleSeconds: sample(text, 'wire_stage_run_seconds_sum', 'handle'),
    commitSeconds: sample(text, 'wire_stage_run_seconds_sum', 'commit'),
    afterCommitSeconds: sample(text, 'wire_stage_run_seconds_sum', 'after_commit'),
  };
}

/** What happened between two readings. */
export function phasesBetween(before: StagePhases, after: StagePhases): StagePhases {
  return {
    runs: after.runs - before.runs,
    records: after.records - before.records,
    handleSeconds: after.handleSeconds - before.handleSeconds,
    commitSeconds: after.commitSeconds - before.commitSeconds,
    afterCommitSeconds: after.afterCommitSeconds - before.afterCommitSeconds,
  };
}
