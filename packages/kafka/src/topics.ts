// Every topic wire reads or writes, with its partitions and settings. The topic
// script (`pnpm topics`) and the tests create topics from this one list.
export interface TopicSpec {
  name: string;
  partitions: number;
  config: Record<string, string>;
  purpose: string;
}

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

export function topicCatalogue(prefix = ''): TopicCatalogue {
  return {
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
}

export function allTopics(catalogue: TopicCatalogue): TopicSpec[] {
  return Object.values(catalogue);
}

/** A routed public topic (news.agency.yna.v1 and the like), created when first used. */
export function routedTopicSpec(name: string): TopicSpec {
  return {
    name,
    partitions: 6,
    config: { 'retention.ms': String(30 * day) },
    purpose: 'routed public topic: a subset of the firehose chosen by the publisher routes',
  };
}
