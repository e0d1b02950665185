import { describe, expect, it } from 'vitest';
import { createMetricsRegistry, createStageRunMetrics } from '../src/index.js';

describe('stage run metrics', () => {
  it('observes each phase of a run and the records it took', async () => {
    const registry = createMetricsRegistry('publisher');
    const record = createStageRunMetrics(registry);
    record({ records: 50, handleSeconds: 0.02, commitSeconds: 0.3, afterCommitSeconds: 0.004 });
    record({ records: 7, handleSeconds: 0.01, commitSeconds: 0.1, afterCommitSeconds: 0 });
    const text = await registry.metrics();
    expect(text).toMatch(/wire_stage_run_seconds_sum\{service="publisher",phase="commit"\} 0\.4\b/);
    expect(text).toContain('wire_stage_run_seconds_count{service="publisher",phase="handle"} 2');
    expect(text).toContain(
      'wire_stage_run_seconds_bucket{le="0.25",service="publisher",phase="commit"} 1',
    );
    expect(text).toContain('wire_stage_run_records_sum{service="publisher"} 57');
  });
});
