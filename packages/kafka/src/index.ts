export type {
  Consumer,
  EachMessagePayload,
  Kafka,
  KafkaMessage,
  Message,
  Transaction,
} from 'kafkajs';
export { createRoutedTopicEnsurer, ensureTopics } from './admin.js';
export {
  createKafkaClient,
  type KafkaClientSettings,
  type KafkaLogLevel,
  type KafkaLogSink,
  type KafkaSaslSettings,
} from './client.js';
export {
  type BatchOutput,
  type ConsumedRecord,
  type ConsumerSettings,
  createConsumer,
  type InputBatch,
  type InputRecord,
  nextOffset,
  type RunningConsumer,
  startRecordConsumer,
  startTransactionalBatchConsumer,
  subscribeConsumer,
  type TransactionalConsumerSettings,
} from './consumer.js';
export {
  classifyKafkaError,
  isKafkaError,
  KafkaAdapterError,
  type KafkaErrorCode,
  kafkaErrorCodes,
} from './errors.js';
export { readHeaders, type StringHeaders, toKafkaHeaders } from './headers.js';
export {
  type AcknowledgedProducer,
  connectProducer,
  connectTransactionalProducer,
  createPartitionProducers,
  type OutgoingRecord,
  type PartitionProducers,
  type TransactionalProducer,
} from './producer.js';
export {
  allTopics,
  maxRawDocumentBytes,
  routedTopicSpec,
  type TopicCatalogue,
  type TopicSpec,
  topicCatalogue,
} from './topics.js';
export { createTransactionRecovery, type TransactionRecovery } from './transaction-recovery.js';
