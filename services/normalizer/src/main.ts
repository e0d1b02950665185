// Wires the normalizer: consume wire.raw.v1, normalize each document, and write
// its articles to wire.normalized.v1 (or the document to wire.dlq.v1) in the same
// Kafka transaction as the input's offsets.
import { startStage } from '@wire/runtime';
import { loadNormalizerConfig } from './config.js';
import { createNormalizeBatch } from './normalize-batch.js';
import { createNormalizerMetrics } from './normalizer-metrics.js';
import { createNormalizerState } from './normalizer-state.js';

const config = loadNormalizerConfig(process.env);

await startStage({
  service: 'normalizer',
  settings: config,
  input: (topics) => topics.raw.name,
  output: (topics) => topics.normalized.name,
  groupId: config.NORMALIZER_GROUP_ID,
  transactionalId: config.TRANSACTIONAL_ID,
  setUp: ({ redis, topics, registry, logger }) => {
    const metrics = createNormalizerMetrics(registry);
    const state = createNormalizerState(redis, config);
    return {
      handle: createNormalizeBatch({ state, topics, metrics, logger }),
      // A failed run of documents is delivered again.
      onBatchFailed: (err) => metrics.recordFailedDocument(err),
      onBackendError: (err) => metrics.recordError(err),
      onRedisConnectionError: () => metrics.recordRedisConnectionError(),
      onStageFailure: () => metrics.recordStageFailure(),
    };
  },
});
