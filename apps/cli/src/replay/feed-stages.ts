// The step of replay and reprocess: an input through the stages, its records to
// the sink, its state marked done only once they are written; counts as it goes.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ProgressBar } from './progress-bar.js';
import type { RecordSink } from './record-sink.js';
import type { ReplayInput, ReplayStages } from './replay-stages.js';
import { addStep, emptySummary, type ReplaySummary } from './replay-summary.js';

export interface TimedInput extends ReplayInput {
  label: string;
  /** When it was fetched; with `speed`, inputs are spaced as they were fetched. */
  fetchedAt?: Date | undefined;
}

export interface StageFeederSettings {
  stages: ReplayStages;
  sink: RecordSink;
  progress: ProgressBar;
  /** Replay recorded fetch times this many times faster; undefined: no waiting. */
  speed?: number | undefined;
  warn(line: string): void;
}

export interface StageFeeder {
  /** One input, start to finish; call them one after another. */
  feed(input: TimedInput): Promise<void>;
  /** Ends the progress bar; the counts so far. */
  finish(): ReplaySummary;
}

export function createStageFeeder(settings: StageFeederSettings): StageFeeder {
  const summary = emptySummary();
  let previous: Date | undefined;
  return {
    async feed(input) {
      if (settings.speed && previous && input.fetchedAt) {
        const gap = (input.fetchedAt.getTime() - previous.getTime()) / settings.speed;
        if (gap > 0) await sleep(gap);
      }
      previous = input.fetchedAt ?? previous;
      const step = await settings.stages.process(input);
      await settings.sink.write(step.records);
      await step.afterWrite();
      for (const warning of step.warnings) settings.warn(`${input.label}: ${warning}`);
      addStep(summary, step);
      settings.progress.advance(input.label);
    },
    finish() {
      settings.progress.done();
      return summary;
    },
  };
}
