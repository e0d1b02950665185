// What the loop does with a handler's error, against the real broker: a
// transient one is tried again in place, a permanent one is narrowed to the one
// record that fails alone, which goes to the dead-letter topic while the others
// commit, and a configuration error stops the loop with nothing committed.
import { randomUUID } from 'node:crypto';
import { WireError } from '@wire/schema';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createTransactionalProducers,
  type InputBatch,
  type KafkaClient,
  startTransactionalBatchConsumer,
} from '../src/index.js';
import {
  clientsFor,
  committedOffset,
  topicsWith as createTopics,
  readCommitted,
  waitFor,
} from './contract.js';

const prefix = `test-policy-${randomUUID().slice(0, 8)}.`;

async function topicsWith(kafka: KafkaClient, name: string, values: string[]) {
  const input = `${prefix}${name}-in`;
  const output = `${prefix}${name}-out`;
  const dlq = `${prefix}${name}-dlq`;
  await createTopics(kafka, [input, output, dlq], values, (v) => ({ 'wire-feed-id': `feed-${v}` }));
  return { input, output, dlq };
}

const values = (batch: InputBatch) => batch.records.map((r) => r.value?.toString() ?? '');

describe.each(clientsFor('failure-policy'))(
  "the loop's failure policy with %s",
  (library, kafka) => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    it('retries a transient failure in place, and sets aside only the record that fails for good', async () => {
      const { input, output, dlq } = await topicsWith(kafka, `${library}-mixed`, [
        'a',
        'b',
        'c',
        'd',
      ]);
      const groupId = `${prefix}${library}-mixed-group`;
      const producers = createTransactionalProducers(kafka, `${prefix}${library}-mixed`, 'a');
      cleanups.push(() => producers.disconnect());
      const failures: string[] = [];
      const setAside: string[] = [];
      let transientLeft = 2;
      const consumer = await startTransactionalBatchConsumer(
        kafka,
        {
          groupId,
          topics: [input],
          fromBeginning: true,
          recordsPerTransaction: 4,
          onBatchFailed: (err) => failures.push((err as WireError).code),
          classify: (err) => (err instanceof WireError ? err.kind : 'permanent'),
          deadLetters: { topic: dlq, stage: 'normalizer' },
          onDeadLettered: (record) => setAside.push(record.value?.toString() ?? ''),
          retryDelayMs: () => 50,
        },
        producers,
        async (batch) => {
          if (transientLeft-- > 0) throw new WireError('AWAY', 'transient', 'Redis is loading');
          if (values(batch).includes('c')) throw new WireError('BUG', 'permanent', 'c trips it');
          return { records: new Map([[output, values(batch).map((v) => ({ key: v, value: v }))]]) };
        },
      );
      const seen = await readCommitted(kafka, [output, dlq], (s) => s.length >= 4);
      await consumer.stop();

      expect(seen.filter((r) => r.topic === output).map((r) => r.value)).toEqual(['a', 'b', 'd']);
      const letters = seen.filter((r) => r.topic === dlq);
      expect(letters.map((r) => r.value)).toEqual(['c']);
      expect(letters[0]?.headers).toMatchObject({
        'wire-feed-id': 'feed-c',
        'wire-dlq-stage': 'normalizer',
        'wire-dlq-reason': 'STAGE_FAILED',
        'wire-dlq-detail': 'BUG: c trips it',
        'wire-dlq-source-topic': input,
        'wire-dlq-source-offset': '2',
      });
      // Two transient failures of the run, then the run with c, then c alone.
      expect(failures).toEqual(['AWAY', 'AWAY', 'BUG', 'BUG']);
      expect(setAside).toEqual(['c']);
      expect(await committedOffset(kafka, groupId, input)).toBe(4);
    });

    it('stops on a configuration error with nothing written or committed', async () => {
      const { input, output, dlq } = await topicsWith(kafka, `${library}-denied`, ['a', 'b']);
      const groupId = `${prefix}${library}-denied-group`;
      const producers = createTransactionalProducers(kafka, `${prefix}${library}-denied`, 'a');
      cleanups.push(() => producers.disconnect());
      const stopped: unknown[] = [];
      const consumer = await startTransactionalBatchConsumer(
        kafka,
        {
          groupId,
          topics: [input],
          fromBeginning: true,
          classify: (err) => (err instanceof WireError ? err.kind : 'permanent'),
          deadLetters: { topic: dlq, stage: 'publisher' },
          onConfigurationError: (err) => stopped.push(err),
        },
        producers,
        async () => {
          throw new WireError('KAFKA_DENIED', 'configuration', 'topic authorization failed');
        },
      );
      await waitFor(() => stopped.length > 0);
      await consumer.stop();
      expect((stopped[0] as WireError)?.code).toBe('KAFKA_DENIED');
      expect(await readCommitted(kafka, [output, dlq], () => false, 5_000)).toEqual([]);
      expect(await committedOffset(kafka, groupId, input)).toBeLessThan(0);
    });
  },
);
