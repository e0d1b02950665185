// Recognises a story filed again under a new id ((URGENT) → (LEAD) → (2nd LD), or
// the same text with other boilerplate) by its text fingerprint. Fingerprints of
// published stories sit in Redis sorted sets, one per LSH band (see
// fingerprintBands), scored by when they were published, for as long as a
// re-filing is likely (the window). The same agency's closest story becomes the
// family of the new item; another agency's is only "related".
import { luaScript, type Redis, redisKeys } from '@wire/redis';
import {
  type Fingerprint,
  fingerprintBands,
  fingerprintFromHex,
  fingerprintToHex,
  hammingDistance,
} from './fingerprint.js';

export interface NearDuplicate {
  /** The uri of the story this one is close to. */
  of: string;
  distance: number;
  relation: 'same-story' | 'related';
}

export interface NearDuplicateIndex {
  /** The closest story within the distance, other than `uri` itself; same agency first. */
  find(fingerprint: Fingerprint, uri: string, agency: string): Promise<NearDuplicate | undefined>;
  /** Remembers a published story's fingerprint. */
  record(fingerprint: Fingerprint, uri: string, agency: string): Promise<void>;
}

export interface NearDuplicateSettings {
  /** Largest Hamming distance (0-7) that still counts as the same text. */
  maxDistance: number;
  windowSeconds: number;
}

interface Candidate {
  uri: string;
  agency: string;
  fingerprint: Fingerprint;
}

/** Picks the closest candidate, the same agency before others, then by uri for a stable answer. */
export function closest(
  fingerprint: Fingerprint,
  candidates: Iterable<Candidate>,
  uri: string,
  agency: string,
  maxDistance: number,
): NearDuplicate | undefined {
  // Scored in one pass, and only a candidate within the distance gets a record.
  const scored: (Candidate & { distance: number })[] = [];
  for (const c of candidates) {
    if (c.uri === uri) continue;
    const distance = hammingDistance(fingerprint, c.fingerprint);
    if (distance <= maxDistance) scored.push({ ...c, distance });
  }
  scored.sort(
    (a, b) =>
      Number(b.agency === agency) - Number(a.agency === agency) ||
      a.distance - b.distance ||
      a.uri.localeCompare(b.uri),
  );
  const best = scored[0];
  if (!best) return undefined;
  return {
    of: best.uri,
    distance: best.distance,
    relation: best.agency === agency ? 'same-story' : 'related',
  };
}

const bandCount = (maxDistance: number) => (maxDistance + 1 <= 4 ? 4 : 8);

// KEYS: one band's set. ARGV: now (ms), member, oldest score kept, ttl seconds.
// Members older than the window go at each write: a busy band's key never
// expires, so without the trim it would keep every story ever published.
const recordInBand = `
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[4])
return 1
`;

export function createRedisNearDuplicateIndex(
  redis: Redis,
  prefix: string,
  settings: NearDuplicateSettings,
  now: () => number = Date.now,
): NearDuplicateIndex {
  if (settings.maxDistance < 0 || settings.maxDistance > 7)
    throw new RangeError('maxDistance must be 0-7');
  const bands = bandCount(settings.maxDistance);
  const keys = redisKeys(prefix);
  const windowMs = settings.windowSeconds * 1000;
  const record = luaScript(redis, recordInBand);
  return {
    async find(fingerprint, uri, agency) {
      // One command per band (each band's key may sit on another cluster node); the
      // client's auto-pipelining sends them with whatever else the document asks.
      const from = now() - windowMs;
      const replies = await Promise.all(
        fingerprintBands(fingerprint, bands).map((band) =>
          redis.zrangebyscore(keys.nearDuplicateBand(band), from, '+inf'),
        ),
      );
      const candidates = new Map<string, Candidate>();
      for (const members of replies) {
        for (const member of members) {
          const [hex = '', memberAgency = '', ...rest] = member.split('|');
          const memberUri = rest.join('|');
          candidates.set(member, {
            uri: memberUri,
            agency: memberAgency,
            fingerprint: fingerprintFromHex(hex),
          });
        }
      }
      return closest(fingerprint, candidates.values(), uri, agency, settings.maxDistance);
    },
    async record(fingerprint, uri, agency) {
      const member = `${fingerprintToHex(fingerprint)}|${agency}|${uri}`;
      const at = now();
      await Promise.all(
        fingerprintBands(fingerprint, bands).map((band) =>
          record(
            [keys.nearDuplicateBand(band)],
            [at, member, at - windowMs, Math.ceil(settings.windowSeconds)],
          ),
        ),
      );
    },
  };
}

/** The same index in memory, for unit tests. */
export function createMemoryNearDuplicateIndex(
  settings: Pick<NearDuplicateSettings, 'maxDistance'>,
): NearDuplicateIndex {
  const entries = new Map<string, Candidate>();
  return {
    async find(fingerprint, uri, agency) {
      return closest(fingerprint, entries.values(), uri, agency, settings.maxDistance);
    },
    async record(fingerprint, uri, agency) {
      entries.set(`${fingerprintToHex(fingerprint)}|${agency}|${uri}`, {
        uri,
        agency,
        fingerprint,
      });
    },
  };
}
