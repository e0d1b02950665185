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
} from './client.js';
export { type LuaScript, luaScript } from './lua-script.js';
export { createMemoryClaimStore } from './memory-claim-store.js';
