export {
  type ClaimOutcome,
  type ClaimSettings,
  type ClaimStore,
  createClaimStore,
} from './claims.js';
export {
  connectRedis,
  type Redis,
  type RedisClientSettings,
  redisUrlForDisplay,
  waitForReplicas,
} from './client.js';
export { compareAndDelete } from './compare-and-delete.js';
export {
  classifyRedisError,
  RedisAdapterError,
  type RedisErrorCode,
  redisErrorCodes,
} from './errors.js';
export {
  type RedisKeyFamily,
  type RedisKeyOwner,
  type RedisKeys,
  redisKeyCatalogue,
  redisKeys,
} from './keys.js';
export { type LuaScript, luaScript } from './lua-script.js';
export { createMemoryClaimStore } from './memory-claim-store.js';
