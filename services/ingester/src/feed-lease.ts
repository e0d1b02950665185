// One poller per feed across instances: a lease in Redis per feed, held by one
// instance and renewed at each of its polls, with a fencing token that grows with
// every new holder. An instance that dies stops renewing; another takes the feed
// once the lease expires. Writes of feed state carry the token and are refused
// when a newer holder exists, so a paused instance cannot undo its successor's work.
import { compareAndDelete, luaScript, type Redis, redisKeys } from '@wire/redis';

export interface Lease {
  feedId: string;
  token: number;
}

export interface LeaseStore {
  /** The lease, new or renewed, or undefined while another instance holds it. */
  acquire(feedId: string, ttlMs: number): Promise<Lease | undefined>;
  release(lease: Lease): Promise<void>;
  /** Whether the lease is still this instance's, token and all. */
  holds(lease: Lease): Promise<boolean>;
}

// KEYS: lease, token counter. ARGV: instance, ttl ms. Returns the token or nil.
const acquireScript = `
local current = redis.call('GET', KEYS[1])
if current then
  local owner, token = string.match(current, '^(.*):(%d+)$')
  if owner == ARGV[1] then
    redis.call('PEXPIRE', KEYS[1], ARGV[2])
    return tonumber(token)
  end
  return nil
end
local token = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. token, 'PX', ARGV[2])
return token
`;

export function createLeaseStore(redis: Redis, prefix: string, instanceId: string): LeaseStore {
  const keys = redisKeys(prefix);
  const held = (lease: Lease) => `${instanceId}:${lease.token}`;
  const runAcquire = luaScript(redis, acquireScript);
  const deleteIfHeld = compareAndDelete(redis);
  return {
    async acquire(feedId, ttlMs) {
      const token = (await runAcquire(
        [keys.lease(feedId), keys.leaseToken(feedId)],
        [instanceId, String(Math.ceil(ttlMs))],
      )) as number | null;
      return token === null ? undefined : { feedId, token };
    },
    async release(lease) {
      await deleteIfHeld(keys.lease(lease.feedId), held(lease));
    },
    async holds(lease) {
      return (await redis.get(keys.lease(lease.feedId))) === held(lease);
    },
  };
}
