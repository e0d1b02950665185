// Every topic wire reads or writes, with its partitions and settings. The topic
// script (`pnpm topics`) and the tests create topics from this one list.
export interface TopicSpec {
  name: string;
  partitions: number;
  /** Copies of each partition, on as many brokers. */
  replicationFactor: number;
  config: Record<string, string>;
  purpose: string;
}

/**
 * How many brokers hold each partition, and how many of them an acks=all write
 * needs (min.insync.replicas). 1 and 1 on the single-node stack; 3 and 2 on a
 * cluster, where one broker may go without losing a record or stopping writes.
 */
export interface TopicReplication {
  factor: number;
  minInsync: number;
}

export const singleNodeReplication: TopicReplication = { factor: 1, minInsync: 1 };

const day = 24 * 60 * 60 * 1000;

/** Raw documents may be large agency files; the default 1 MiB would refuse them. */
export const maxRawDocumentBytes = 16 * 1024 * 1024;

export interface TopicCatalogue {
  raw: TopicSpec;
  normalized: TopicSpec;
  dlq: TopicSpec;
  articles: TopicSpec;
  latest: TopicSpec;
}

export function topicCatalogue(
  prefix = '',
  replication: TopicReplication = singleNodeReplication,
): TopicCatalogue {
  const replicated = (spec: Omit<TopicSpec, 'replicationFactor'>): TopicSpec =>
    withReplication(spec, replication);
  const catalogue: Record<keyof TopicCatalogue, Omit<TopicSpec, 'replicationFactor'>> = {
    raw: {
      name: `${prefix}wire.raw.v1`,
      partitions: 6,
      config: {
        'retention.ms': String(7 * day),
        'max.message.bytes': String(maxRawDocumentBytes + 64 * 1024),
        'compression.type': 'producer',
      },
      purpose: 'every changed document as fetched, keyed by feed id',
    },
    normalized: {
      name: `${prefix}wire.normalized.v1`,
      partitions: 6,
      config: { 'retention.ms': String(7 * day) },
      purpose: 'one record per article revision with its verdict, keyed by story uri',
    },
    dlq: {
      name: `${prefix}wire.dlq.v1`,
      partitions: 3,
      config: {
        'retention.ms': String(30 * day),
        'max.message.bytes': String(maxRawDocumentBytes + 64 * 1024),
      },
      purpose: 'dead letters: the original bytes with the stage and reason in headers',
    },
    articles: {
      name: `${prefix}news.articles.v1`,
      partitions: 6,
      config: { 'retention.ms': String(30 * day) },
      purpose: 'public firehose: every article event, ninjs value, CloudEvents headers',
    },
    latest: {
      name: `${prefix}news.articles.latest.v1`,
      partitions: 6,
      config: {
        'cleanup.policy': 'compact',
        'min.cleanable.dirty.ratio': '0.1',
        'delete.retention.ms': String(day),
        'segment.ms': String(day),
      },
      purpose: 'latest state of each story, compacted; a tombstone when withdrawn',
    },
  };
  return {
    raw: replicated(catalogue.raw),
    normalized: replicated(catalogue.normalized),
    dlq: replicated(catalogue.dlq),
    articles: replicated(catalogue.articles),
    latest: replicated(catalogue.latest),
  };
}

function withReplication(
  spec: Omit<TopicSpec, 'replicationFactor'>,
  replication: TopicReplication,
): TopicSpec {
  return {
    ...spec,
    replicationFactor: replication.factor,
    config: { ...spec.config, 'min.insync.replicas': String(replication.minInsync) },
  };
}

export function allTopics(catalogue: TopicCatalogue): TopicSpec[] {
  return Object.values(catalogue);
}

/** A routed public topic (news.agency.yna.v1 and the like), created when first used. */
export function routedTopicSpec(
  name: string,
  replication: TopicReplication = singleNodeReplication,
): TopicSpec {
  return withReplication(
    {
      name,
      partitions: 6,
      config: { 'retention.ms': String(30 * day) },
      purpose: 'routed public topic: a subset of the firehose chosen by the publisher routes',
    },
    replication,
  );
}
