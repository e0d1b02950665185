export {
  type CommittedOffset,
  createOffsetReader,
  createRoutedTopicEnsurer,
  ensureTopics,
  type OffsetReader,
  type PartitionOffsets,
} from './admin.js';
export {
  createKafkaClient,
  type KafkaClient,
  type KafkaClientSettings,
  type KafkaLibrary,
  type KafkaLogLevel,
  type KafkaLogSink,
  type KafkaSaslSettings,
  kafkaLibraries,
} from './client.js';
export { type ConsumedMessage, type ConsumeOptions, consumeTopic } from './consume-topic.js';
export {
  type BatchOutput,
  type ConsumedRecord,
  type ConsumerSettings,
  type InputBatch,
  type InputRecord,
  nextOffset,
  type RunningConsumer,
  startRecordConsumer,
  startTransactionalBatchConsumer,
  type TransactionalConsumerSettings,
} from './consumer.js';
export {
  classifyKafkaError,
  isKafkaError,
  KafkaAdapterError,
  type KafkaErrorCode,
  kafkaErrorCodes,
} from './errors.js';
export { type RecordHeaders, readHeaders, type StringHeaders, toKafkaHeaders } from './headers.js';
export {
  type AcknowledgedProducer,
  connectProducer,
  connectTransactionalProducer,
  createPartitionProducers,
  createTransactionalProducers,
  type GroupMember,
  type OutgoingRecord,
  type PartitionProducers,
  type TransactionalProducer,
  type TransactionContent,
} from './producer.js';
export type { RunTiming } from './run-timing.js';
export {
  type PartitionRange,
  type RangeRecord,
  readRange,
  topicRange,
} from './topic-range.js';
export {
  allTopics,
  maxRawDocumentBytes,
  routedTopicSpec,
  singleNodeReplication,
  type TopicCatalogue,
  type TopicReplication,
  type TopicSpec,
  topicCatalogue,
} from './topics.js';
export { createTransactionRecovery, type TransactionRecovery } from './transaction-recovery.js';
