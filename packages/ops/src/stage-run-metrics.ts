// Where each stage's time goes, run by run, under the same names in every stage:
// making the output (the handler and its Redis questions), committing the Kafka
// transaction, and the work after it. Read beside the throughput, they say what
// bounds a stage: its own work, Redis, or the transaction (docs/operations.md).
import type { RunTiming } from '@wire/kafka';
import { Histogram, type Registry } from 'prom-client';

export function createStageRunMetrics(registry: Registry): (timing: RunTiming) => void {
  const seconds = new Histogram({
    name: 'wire_stage_run_seconds',
    help: 'Seconds a committed run of input records spent in each phase: handle (the stage makes its output), commit (its Kafka transaction) and after_commit (done markers).',
    labelNames: ['phase'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const records = new Histogram({
    name: 'wire_stage_run_records',
    help: 'Input records per committed run (one Kafka transaction each).',
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500],
    registers: [registry],
  });
  return (timing) => {
    seconds.observe({ phase: 'handle' }, timing.handleSeconds);
    seconds.observe({ phase: 'commit' }, timing.commitSeconds);
    seconds.observe({ phase: 'after_commit' }, timing.afterCommitSeconds);
    records.observe(timing.records);
  };
}
