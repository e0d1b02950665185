export {
  clusterRedisPrimary,
  clusterRedisReplicated,
  failOverClusterRedis,
} from './cluster-redis.js';
export { groupLag } from './consumer-lag.js';
export { type TestFeed, writeFeedRegistry } from './feed-registry.js';
export { createIptcNinjsValidator, type NinjsValidator } from './iptc-ninjs-validator.js';
export {
  clusterBrokers,
  clusterEnv,
  clusterRedisPorts,
  clusterSentinels,
  pipelineEnv,
  testBrokers,
  testKafkaClient,
  testRedisUrl,
  uniqueNamespace,
  waitUntil,
} from './namespace.js';
export { numberedItemsFeed, rawFetchRecord } from './raw-documents.js';
export { groupsStable, underReplicatedPartitions } from './replication.js';
export {
  secureBrokers,
  secureCaFile,
  secureDir,
  secureEnv,
  securePassword,
  secureRedisUrl,
} from './secure-stack.js';
export { corpusDir, repoRoot, samplePath, samplesDir, sharedDir } from './shared-data.js';
export { type ReadRecord, readTopics, type TopicReader } from './topic-reader.js';
