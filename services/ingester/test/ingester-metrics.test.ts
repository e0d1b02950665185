import { createMetricsRegistry } from '@wire/ops';
import { describe, expect, it } from 'vitest';
import { createIngesterMetrics } from '../src/index.js';

describe('ingester metrics', () => {
  it('count polls by outcome, failures by code, and track each feed', async () => {
    const registry = createMetricsRegistry('ingester');
    const metrics = createIngesterMetrics(registry);
    metrics.recordPoll(
      'yna-en',
      {
        kind: 'published',
        fetchId: 'f',
        sha256: 's',
        bytes: 512,
        newItems: 3,
        gap: true,
        hints: {},
        consecutiveFailures: 0,
      },
      0.2,
      1_700_000_000_000,
    );
    metrics.recordPoll(
      'yna-en',
      { kind: 'failed', code: 'TIMEOUT', reason: 'slow', hints: {}, consecutiveFailures: 1 },
      20,
      1_700_000_060_000,
    );
    const text = await registry.metrics();
    expect(text).toContain(
      'wire_ingester_polls_total{feed="yna-en",outcome="published",service="ingester"} 1',
    );
    expect(text).toContain(
      'wire_ingester_polls_total{feed="yna-en",outcome="failed",service="ingester"} 1',
    );
    expect(text).toContain(
      'wire_ingester_fetch_failures_total{feed="yna-en",code="TIMEOUT",status="",service="ingester"} 1',
    );
    expect(text).toContain('wire_ingester_new_items_total{feed="yna-en",service="ingester"} 3');
    expect(text).toContain('wire_ingester_gaps_total{feed="yna-en",service="ingester"} 1');
    expect(text).toContain(
      'wire_ingester_consecutive_failures{feed="yna-en",service="ingester"} 1',
    );
    expect(text).toContain(
      'wire_ingester_last_success_timestamp_seconds{feed="yna-en",service="ingester"} 1700000000',
    );
  });
});
