import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type RedisKeyFamily, redisKeyCatalogue, redisKeys } from '../src/index.js';

const prefix = 'wire-test:';
const keys = redisKeys(prefix);

// Each builder called with parts that look like real ones.
const built: Record<keyof typeof keys, string> = {
  feed: keys.feed('yna-en'),
  feedItems: keys.feedItems('yna-en'),
  pages: keys.pages('yna-en'),
  pageDone: keys.pageDone('yna-en', '5f0c2e'),
  lease: keys.lease('yna-en'),
  leaseToken: keys.leaseToken('yna-en'),
  event: keys.event('5f0c2e'),
  story: keys.story('urn:yna:AEN20261207000100315'),
  alias: keys.alias('urn:yna:AEN20261207000100315'),
  link: keys.link('yna-en', 'https://en.yna.co.kr/view/AEN20261207000100315'),
  nearDuplicateBand: keys.nearDuplicateBand('2:5f0c'),
  filingToken: keys.filingToken('yna', 'ko', '속보'),
  filing: keys.filing('yna', 'ko', 'urn:yna:AKR20261207000100315'),
  filingStory: keys.filingStory('yna', 'ko', 'urn:yna:AKR20261207000100315'),
  published: keys.published('5f0c2e'),
};

const patternOf = (family: RedisKeyFamily) =>
  new RegExp(
    `^${family.pattern
      .split(/<[^>]+>/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+')}$`,
  );

/** The rows of the "Redis keys" table in docs/operations.md, cells unescaped. */
function documentedRows(): string[][] {
  const doc = readFileSync(
    fileURLToPath(new URL('../../../docs/operations.md', import.meta.url)),
    'utf8',
  );
  const section = doc.slice(doc.indexOf('### Redis keys'));
  const table = section.slice(
    section.indexOf('| key'),
    section.indexOf('\n\n', section.indexOf('| key')),
  );
  return table
    .split('\n')
    .slice(2)
    .map((row) =>
      row
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replaceAll('\\|', '|')),
    );
}

describe('Redis key catalogue', () => {
  it('names every key a store builds, each by exactly one family', () => {
    for (const [builder, key] of Object.entries(built)) {
      expect(key.startsWith(prefix), builder).toBe(true);
      const families = redisKeyCatalogue.filter((f) => patternOf(f).test(key.slice(prefix.length)));
      expect(
        families.map((f) => f.pattern),
        `${builder}: ${key}`,
      ).toHaveLength(1);
    }
  });

  it('lists no family that no builder makes', () => {
    for (const family of redisKeyCatalogue) {
      const made = Object.values(built).some((key) =>
        patternOf(family).test(key.slice(prefix.length)),
      );
      expect(made, family.pattern).toBe(true);
    }
  });

  it('is what docs/operations.md tells operators, row for row', () => {
    expect(documentedRows()).toEqual(
      redisKeyCatalogue.map((f) => [`\`${f.pattern}\``, f.type, f.owner, f.lifetime, f.meaning]),
    );
  });
});
