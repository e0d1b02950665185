// The re-file families of the labelled sets, decided with the Redis-backed state
// the service uses: the same stories as in memory, within one Lua call per lookup,
// alone and among the full feed rolls.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { connectRedis, luaScript, type Redis, redisKeys } from '@wire/redis';
import { testRedisUrl } from '@wire/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidatesScript } from '../src/filing-index.js';
import { createNormalizerState, createRedisFilingIndex, filingTextOf } from '../src/index.js';
import {
  placeItems,
  pollModes,
  readBackground,
  readLabelledSet,
  scoreFamilies,
} from './refile/evaluate-families.js';

const fixtures = join(import.meta.dirname, 'fixtures/refile-families');
const sets = ['zh', 'ko-en-ja'].map((name) => ({
  ...readLabelledSet(join(fixtures, name)),
  name,
  background: readBackground(join(fixtures, `background/${name}.jsonl.gz`)),
}));

describe('re-file families against Redis', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = await connectRedis({ url: testRedisUrl });
  });
  afterAll(async () => {
    await redis.quit();
  });

  const redisState = () =>
    createNormalizerState(redis, {
      WIRE_REDIS_PREFIX: `test:rf:${randomUUID()}:`,
      CLAIM_PENDING_TTL_MS: 60_000,
      DEDUPE_TTL_DAYS: 1,
      NEAR_DUPLICATE_MAX_DISTANCE: 3,
      NEAR_DUPLICATE_WINDOW_HOURS: 72,
    });

  describe.each(sets)('on $name', (set) => {
    it('places every labelled item in the story the in-memory state does', async () => {
      const inRedis = await placeItems(set, 'a poll every 15 minutes', redisState());
      const inMemory = await placeItems(set, 'a poll every 15 minutes');
      expect(inRedis.storyOf).toEqual(inMemory.storyOf);
      const scores = scoreFamilies(set, inRedis);
      expect(scores.merged).toEqual([]);
      expect(scores.refilePairsJoined).toBeGreaterThan(0);
    });

    it.each(pollModes)('does so among the full feed rolls too, %s', async (mode) => {
      const dense = { ...set, items: [...set.items, ...set.background] };
      const inRedis = await placeItems(dense, mode, redisState());
      const inMemory = await placeItems(dense, mode);
      expect(inRedis.storyOf).toEqual(inMemory.storyOf);
      const scores = scoreFamilies(set, inRedis);
      expect(scores.merged).toEqual([]);
      expect(scores.refilePairsJoined).toBeGreaterThan(0);
    });
  });

  // The lookup as it was before it kept only the best in one pass: every candidate
  // sorted, and each filing's JSON decoded for its story.
  const sortingEveryCandidate = `
local counts = {}
for _, key in ipairs(KEYS) do
  for _, member in ipairs(redis.call('ZREVRANGEBYSCORE', key, ARGV[2], ARGV[1], 'LIMIT', 0, ARGV[5])) do
    counts[member] = (counts[member] or 0) + 1
  end
end
local ranked = {}
for member, count in pairs(counts) do ranked[#ranked + 1] = { member, count } end
table.sort(ranked, function(a, b) return a[2] > b[2] or (a[2] == b[2] and a[1] < b[1]) end)
local found = {}
for i = 1, math.min(#ranked, tonumber(ARGV[3])) do
  local filing = redis.call('GET', ARGV[4] .. ranked[i][1])
  if filing then
    found[#found + 1] = filing
    found[#found + 1] = redis.call('EXISTS', ARGV[6] .. cjson.decode(filing).story)
  end
end
return found
`;

  it.each(sets)(
    'answers every lookup among the full rolls of $name as sorting every candidate did',
    async (set) => {
      const prefix = `test:rf:${randomUUID()}:`;
      const day = 86_400_000;
      const index = createRedisFilingIndex(redis, prefix, { windowMs: day });
      const items = [...set.items, ...set.background];
      const filings = items.map((item, i) => ({
        // Stories of a few items each, some retold, so replies carry both answers.
        uri: `urn:${item.id}`,
        story: `urn:story-${Math.floor(i / 3)}${i % 7 === 0 ? '"quoted\\' : ''}`,
        at: Date.parse(item.published),
        stage: i % 5 === 0 ? ('follow-up' as const) : ('flash' as const),
        text: filingTextOf(item.title, item.description),
        lang: item.lang,
      }));
      for (const { lang, ...filing } of filings) await index.record(filing, 'agency', lang);
      const keys = redisKeys(prefix);
      const [before, now] = [
        luaScript(redis, sortingEveryCandidate),
        luaScript(redis, candidatesScript),
      ];
      let answered = 0;
      for (const { lang, at, text } of filings) {
        if (text.headline.length === 0) continue;
        const ask = (script: typeof now) =>
          script(
            text.headline.map((t) => keys.filingToken('agency', lang, t)),
            [
              at - day,
              at + day,
              10,
              keys.filing('agency', lang, ''),
              32,
              keys.filingStory('agency', lang, ''),
            ],
          );
        const [expected, got] = await Promise.all([ask(before), ask(now)]);
        expect(got).toEqual(expected);
        if ((expected as unknown[]).length > 2) answered++;
      }
      // Many lookups found more than one filing (42 % of zh's 4,101): the order among
      // them was compared too.
      expect(answered).toBeGreaterThan(filings.length / 3);
    },
  );

  it('finds filings within the window only, trims older ones and expires every key', async () => {
    const prefix = `test:rf:${randomUUID()}:`;
    const hour = 3_600_000;
    const index = createRedisFilingIndex(redis, prefix, { windowMs: hour });
    const text = filingTextOf('尹锡悦宣布紧急戒严', '');
    await index.record({ uri: 'urn:a', story: 'urn:a', at: 0, text }, 'yna', 'zh');
    await index.record({ uri: 'urn:b', story: 'urn:a', at: 3 * hour, text }, 'yna', 'zh');
    const near = await index.candidates({ agency: 'yna', language: 'zh', at: 3 * hour, text });
    expect(near.map((f) => f.uri)).toEqual(['urn:b']);

    expect(await index.candidates({ agency: 'yna', language: 'ko', at: 0, text })).toEqual([]);
    // Recording urn:b trimmed urn:a (older than two windows) from every token set.
    const tokenKeys = await redis.keys(`${prefix}rf:*:t:*`);
    expect(tokenKeys.length).toBe(text.headline.length);
    for (const key of tokenKeys) expect(await redis.zrange(key, 0, -1)).toEqual(['urn:b']);
    for (const key of await redis.keys(`${prefix}rf:*`))
      expect(await redis.ttl(key)).toBeGreaterThan(0);
  });

  it('looks further back or on when told, as far as it keeps filings', async () => {
    const prefix = `test:rf:${randomUUID()}:`;
    const hour = 3_600_000;
    const index = createRedisFilingIndex(redis, prefix, { windowMs: hour });
    const text = filingTextOf('尹锡悦宣布紧急戒严', '');
    await index.record({ uri: 'urn:a', story: 'urn:a', at: 0, text }, 'yna', 'zh');
    await index.record({ uri: 'urn:b', story: 'urn:b', at: 1.5 * hour, text }, 'yna', 'zh');
    const query = { agency: 'yna', language: 'zh', at: 2 * hour, text };
    expect((await index.candidates(query)).map((f) => f.uri)).toEqual(['urn:b']);
    const resent = { ...query, backMs: 2 * hour };
    expect((await index.candidates(resent)).map((f) => f.uri)).toEqual(['urn:a', 'urn:b']);
    // And a filing looks on for a later re-send of itself, out of order.
    const early = { agency: 'yna', language: 'zh', at: -hour, text };
    expect((await index.candidates(early)).map((f) => f.uri)).toEqual(['urn:a']);
    const on = { ...early, onMs: 3 * hour };
    expect((await index.candidates(on)).map((f) => f.uri)).toEqual(['urn:a', 'urn:b']);
    for (const key of await redis.keys(`${prefix}rf:*`))
      expect(await redis.ttl(key)).toBeGreaterThan(0);
  });

  it('says of each filing it returns whether its story holds a retelling', async () => {
    const prefix = `test:rf:${randomUUID()}:`;
    const hour = 3_600_000;
    const index = createRedisFilingIndex(redis, prefix, { windowMs: 12 * hour });
    const flash = {
      uri: 'urn:a',
      story: 'urn:a',
      at: 0,
      stage: 'flash' as const,
      text: filingTextOf('尹锡悦宣布紧急戒严', ''),
    };
    await index.record(flash, 'yna', 'zh');
    await index.record({ ...flash, uri: 'urn:b', at: 60_000 }, 'yna', 'zh');
    const query = { agency: 'yna', language: 'zh', at: hour, text: flash.text };
    expect((await index.candidates(query)).map((f) => f.storyRetold)).toEqual([
      undefined,
      undefined,
    ]);
    const detailed = filingTextOf('韩国总统尹锡悦宣布实施紧急戒严', '');
    await index.record(
      { uri: 'urn:c', story: 'urn:a', at: hour, stage: 'follow-up', text: detailed },
      'yna',
      'zh',
    );
    expect((await index.candidates(query)).map((f) => [f.uri, f.storyRetold])).toEqual([
      ['urn:a', true],
      ['urn:b', true],
      ['urn:c', true],
    ]);
    for (const key of await redis.keys(`${prefix}rf:*`))
      expect(await redis.ttl(key)).toBeGreaterThan(0);
  });
});
