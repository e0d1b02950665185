// One poller per feed across instances: a lease in Redis per feed, held by one
// instance and renewed at each of its polls, with a fencing token that grows with
// every new holder. An instance that dies stops renewing; another takes the feed
// once the lease expires. Writes of feed state carry the token and are refused
// when a newer holder exists, so a paused instance cannot undo its successor's work.
import { luaScript, type Redis } from '@wire/redis';

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

const releaseScript = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export function createLeaseStore(redis: Redis, prefix: string, instanceId: string): LeaseStore {
  const leaseKey = (feedId: string) => `${prefix}lease:${feedId}`;
  const held = (lease: Lease) => `${instanceId}:${lease.token}`;
  const runAcquire = luaScript(redis, acquireScript);
  const runRelease = luaScript(redis, releaseScript);
  return {
    async acquire(feedId, ttlMs) {
      const token = (await runAcquire(
        [leaseKey(feedId), `${prefix}lease-token:${feedId}`],
        [instanceId, String(Math.ceil(ttlMs))],
      )) as number | null;
      return token === null ? undefined : { feedId, token };
    },
    async release(lease) {
      await runRelease([leaseKey(lease.feedId)], [held(lease)]);
    },
    async holds(lease) {
      return (await redis.get(leaseKey(lease.feedId))) === held(lease);
    },
  };
}

/** The lease key whose value must match for a fenced write (see feed-state.ts). */
export function leaseKeyOf(prefix: string, feedId: string): string {
  return `${prefix}lease:${feedId}`;
}
