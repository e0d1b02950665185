// The publisher's stage: a run of normalized articles of one partition becomes
// its public events (firehose, latest state, routed topics) and dead letters,
// less the events already sent. Their ids are written ahead before the loop's
// transaction and marked sent once it committed (see published-events.ts).
import type { BatchOutput, InputBatch, InputRecord, TopicCatalogue } from '@wire/kafka';
import type { Logger } from '@wire/logging';
import { eventIdsOf, planBatch } from './plan-batch.js';
import type { PublishedEvents } from './published-events.js';
import type { PublisherMetrics } from './publisher-metrics.js';
import type { Route } from './routes.js';

export interface PublishBatchDependencies {
  published: PublishedEvents;
  topics: TopicCatalogue;
  routes: Route[];
  /** The topic prefix routed topics are named under. */
  prefix: string;
  /** Creates the routed topics not made yet, and says which it created. */
  ensureRoutedTopics(names: string[]): Promise<string[]>;
  metrics: PublisherMetrics;
  logger: Logger;
}

export function createPublishBatch(
  deps: PublishBatchDependencies,
): (batch: InputBatch) => Promise<BatchOutput> {
  const { published, metrics, logger } = deps;
  return async ({ topic, partition, records }) => {
    // The records before this batch went out in committed transactions: an id
    // written ahead from here on was not sent (see published-events.ts).
    const position = { partition, offset: (records[0] as InputRecord).offset };
    const alreadyPublished = await published.known(eventIdsOf(records), position);
    const plan = planBatch(
      records,
      {
        topics: deps.topics,
        routes: deps.routes,
        prefix: deps.prefix,
        source: { topic, partition },
        now: new Date(),
      },
      alreadyPublished,
    );
    const created = await deps.ensureRoutedTopics([...plan.topicMessages.keys()]);
    if (created.length > 0) logger.info({ topics: created }, 'created routed topics');
    // Written ahead: whether the transaction commits is then known from the offsets.
    await published.sending(partition, plan.sent);
    return {
      records: plan.topicMessages,
      afterCommit: async () => {
        metrics.recordCommitted(plan, Date.now());
        // Out for good, whatever the consumer's position later says. A Redis away
        // now costs only this second guard: the ids written ahead stand.
        await published.remember([...plan.sent.keys()]).catch((err: unknown) => {
          metrics.recordError(err);
          logger.warn({ err, partition }, 'sent ids not marked; their write-ahead stands');
        });
        for (const letter of plan.deadLetters) logger.warn(letter, 'dead-lettered');
        logger.info(
          {
            partition,
            published: plan.published,
            duplicates: plan.duplicates,
            deadLetters: plan.deadLetters.length,
          },
          'batch published',
        );
      },
    };
  };
}
